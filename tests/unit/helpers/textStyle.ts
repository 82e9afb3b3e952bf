/** The text layer most unit tests add: "Hi", white Inter 96, centred, no background. */
export const style = {
  text: 'Hi',
  fontFamily: 'Inter',
  fontSize: 96,
  color: '#fff',
  align: 'center',
  background: 'none',
} as const;

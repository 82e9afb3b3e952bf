import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { UpdatePrompt } from '@/components/pwa/UpdatePrompt';
import './globals.css';

export const metadata: Metadata = {
  title: 'Story Composer',
  description:
    'Compose a 9:16 story in your browser and post it to WhatsApp Status, Instagram and Facebook Stories. Nothing is uploaded.',
  applicationName: 'Story Composer',
  appleWebApp: { capable: true, title: 'Stories', statusBarStyle: 'black-translucent' },
  icons: { apple: '/icons/apple-touch-icon.png' },
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  viewportFit: 'cover',
  themeColor: '#111114',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        {children}
        <UpdatePrompt />
      </body>
    </html>
  );
}

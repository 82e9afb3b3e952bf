import Link from 'next/link';
import styles from './AboutLink.module.css';

/** The home page's way to the About page (licences and third-party notices). */
export function AboutLink() {
  return (
    <footer className={styles.footer}>
      <Link href="/about/">About</Link>
      <span aria-hidden="true"> · </span>
      <span>free software, GPL-3.0-or-later</span>
    </footer>
  );
}

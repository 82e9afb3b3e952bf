import type { Metadata } from 'next';
import { AboutPage } from '@/components/about/AboutPage';
import { readNotices } from '@/components/about/notices';

export const metadata: Metadata = { title: 'About · Story Composer' };

export default function About() {
  return <AboutPage notices={readNotices()} />;
}

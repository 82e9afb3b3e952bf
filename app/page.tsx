import { AboutLink } from '@/components/about/AboutLink';
import { DraftsList } from '@/components/home/DraftsList';
import { InstallButton } from '@/components/home/InstallButton';
import { NewStoryButton } from '@/components/home/NewStoryButton';
import styles from './page.module.css';

export default function HomePage() {
  return (
    <main className={styles.home}>
      <h1>Story Composer</h1>
      <p className={styles.lede}>
        Make a 9:16 story once and post it to WhatsApp Status, Instagram and Facebook Stories. Your
        photos and videos stay on this device.
      </p>
      <NewStoryButton />
      <InstallButton />
      <DraftsList />
      <AboutLink />
    </main>
  );
}

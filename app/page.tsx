import { AboutLink } from '@/components/about/AboutLink';
import { DraftsList } from '@/components/home/DraftsList';
import { InstallButton } from '@/components/home/InstallButton';
import { NewStoryButton } from '@/components/home/NewStoryButton';

export default function HomePage() {
  return (
    <main className="home">
      <h1>Story Composer</h1>
      <p className="home-lede">
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

import Link from 'next/link';
import type { Notices } from './notices';
import styles from './AboutPage.module.css';

/** The app's licence, where its source is, and every third-party package it serves. */
export function AboutPage({ notices }: { notices: Notices }) {
  const { app, components } = notices;
  return (
    <main className={styles.page}>
      <Link href="/" className={styles.back}>
        ← Back to stories
      </Link>
      <h1>About {app.name}</h1>
      <p>
        Version {app.version}. {app.name} is free software: you may use, study, share and change it
        under the GNU General Public License, version 3 or (at your option) any later version.{' '}
        <a href={`/licenses/${app.file}`}>Read the licence ({app.license})</a>
      </p>
      <p>
        {app.source ? (
          <>
            Source code of this version: <a href={app.source}>{app.source}</a>
          </>
        ) : (
          <>
            Whoever runs this site must also offer you the source code of the version it serves,
            under the same licence; ask them where it is.
          </>
        )}
      </p>

      <h2 id="third-party">Third-party software</h2>
      <p className={styles.intro}>
        These packages are part of what this site sends to your browser. Each licence text is served
        by this site itself, so it can be read offline. The list is made while the app is built,
        from the installed packages and what they depend on; it may name a few that Next.js uses
        only while building.
      </p>
      <ul aria-labelledby="third-party" className={styles.list}>
        {components.map((c) => (
          <li key={`${c.name}@${c.version}`} className={styles.item}>
            <div className={styles.head}>
              <span className={styles.name}>{c.name}</span>
              <span className={styles.version}>{c.version}</span>
              <a href={`/licenses/${c.file}`} className={styles.license}>
                {c.license}
                <span className="visually-hidden"> licence of {c.name}</span>
              </a>
            </div>
            <p className={styles.served}>{c.servedAs}</p>
            {c.note && <p className={styles.served}>{c.note}</p>}
          </li>
        ))}
      </ul>
    </main>
  );
}

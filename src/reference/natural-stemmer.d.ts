// Types of the one file of natural that wireproof loads (its package root drags in database drivers; tokens.ts says why).
declare module 'natural/lib/natural/stemmers/porter_stemmer_fr.js' {
  const stemmer: { stem(token: string): string };
  export default stemmer;
}

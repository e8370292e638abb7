// Types of the files of natural that wireproof loads (the French stemmer, stop-word lists): its package root drags in database drivers (tokens.ts says why).
declare module 'natural/lib/natural/stemmers/porter_stemmer_fr.js' {
  const stemmer: { stem(token: string): string };
  export default stemmer;
}

declare module 'natural/lib/natural/util/stopwords*.js' {
  const list: { words: string[] };
  export default list;
}

import { saveFile } from './save-file.js';

// The export page's download (#13): the file comes from the server over the page's connection as a
// stream, and is saved through a link, as the network view saves its pictures.
export async function download(fileName, streamReference) {
  saveFile(new Blob([await streamReference.arrayBuffer()]), fileName);
}

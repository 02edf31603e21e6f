// The export page's download (#13): the file comes from the server over the page's connection as a
// stream, and is saved through a link, as the network view saves its pictures.
export async function download(fileName, streamReference) {
  const blob = new Blob([await streamReference.arrayBuffer()]);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

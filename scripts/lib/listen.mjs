// Listening on a fixed port with an error that says what to do when the port is taken.
export function listenOn(server, { host, port, what, flag }) {
  return new Promise((resolvePromise, reject) => {
    const onError = (error) => {
      server.off('listening', onListening);
      if (error.code === 'EADDRINUSE') {
        reject(new Error(`Port ${port} on ${host} is already in use, so the ${what} cannot start there. ` +
          `Stop whatever is using it, or pick another port with ${flag} <port>.`));
      } else if (error.code === 'EACCES') {
        reject(new Error(`Not allowed to listen on ${host}:${port} for the ${what}: pick a port above 1024 with ${flag}.`));
      } else reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolvePromise(server.address().port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

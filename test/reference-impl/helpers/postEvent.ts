/* One analytics event POSTed over a real socket: its HTTP status, or -1 when the server is gone (not a 2xx). */
import http from 'node:http';

export function postEvent(agent: http.Agent, base: URL, pin: string): Promise<number> {
  const body = '{"event_type":"view"}';
  return new Promise((resolve) => {
    const req = http.request({
      agent, host: base.hostname, port: base.port, method: 'POST', path: `/pins/${pin}/events`,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', () => resolve(-1));
    });
    req.on('error', () => resolve(-1)); // refused or reset once the process is gone
    req.end(body);
  });
}

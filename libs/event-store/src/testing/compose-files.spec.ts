import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';

/**
 * No Docker engine runs here, so the compose files are checked as written: what a node listens on
 * against what its health check calls, and the settings the api needs behind nginx.
 */
const dockerDir = path.resolve(__dirname, '..', '..', '..', '..', 'docker');
const load = (file: string): Record<string, any> => parse(fs.readFileSync(path.join(dockerDir, file), 'utf8'), { merge: true });

describe('docker compose files', () => {
  const cluster = load('docker-compose.cluster.yml');
  const nodes = Object.entries(cluster.services as Record<string, any>).filter(([name]) => name.startsWith('esdb-node'));

  it('has three nodes whose health checks call the address each node listens on, and wait for a leader', () => {
    expect(nodes).toHaveLength(3);
    for (const [, node] of nodes) {
      const ip = node.environment.KURRENTDB_NODE_IP as string;
      const check = (node.healthcheck.test as string[]).join(' ');
      expect(check).toContain(`http://${ip}:2113/health/live`);
      expect(check).not.toContain('localhost');
      expect(check).toMatch(/gossip.*Leader/);
      expect(Object.keys(node.environment).filter((key) => key.startsWith('EVENTSTORE_'))).toEqual([]);
    }
  });

  it('trusts exactly the one proxy in front of the api, which passes the address it saw', () => {
    for (const name of ['api-1', 'api-2']) expect(cluster.services[name].environment.TRUST_PROXY).toBe('1');
    const nginx = fs.readFileSync(path.join(dockerDir, 'nginx.conf'), 'utf8');
    expect(nginx).toMatch(/proxy_set_header X-Forwarded-For \$remote_addr;/);
    // The access log must not carry ?access_token=: the log format names $uri, never $request or $args.
    expect(nginx).toMatch(/access_log \S+ duban_no_query;/);
    expect(/log_format duban_no_query[^;]*;/.exec(nginx)![0]).not.toMatch(/\$request\b|\$request_uri|\$args/);
  });

  it('runs the current KurrentDB LTS in both files, with its data where that image keeps it', () => {
    const single = load('docker-compose.yml');
    for (const image of [single.services.eventstore.image, nodes[0]![1].image]) expect(image).toMatch(/kurrentdb:26\.0\}?$/);
    expect(single.services.eventstore.volumes).toContain('eventstore-data:/var/lib/kurrentdb');
  });
});

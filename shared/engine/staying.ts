import type { ConnectServer } from '../model/inventory.js';
import type { ForestDecision, StayingServer } from './decision-schema.js';
import type { EstateIndex } from './estate-index.js';

/** What of a forest stays on Connect Sync, read from its decision; null when nothing does. */
export function stayingPart(d: ForestDecision): { domains: string[]; parts: string[]; certain: boolean } | null {
  if (d.verdict === 'stay-on-connect') return { domains: d.domains.map((x) => x.domain), parts: ['whole forest'], certain: true };
  if (d.verdict === 'coexist') {
    return {
      domains: d.domains.filter((x) => x.engine === 'connect-sync').map((x) => x.domain),
      parts: [...new Set(d.domains.flatMap((x) => x.partsOnConnect))].sort(),
      certain: true,
    };
  }
  if (d.verdict === 'insufficient-data') {
    return { domains: d.domains.filter((x) => x.engine !== 'cloud-sync').map((x) => x.domain), parts: [], certain: false };
  }
  return null;
}

export function nonAdNames(s: ConnectServer): string[] {
  return (s.nonAdConnectors ?? []).map((c) => `${c.name} (${c.type})`);
}

/** Connect servers that keep running after the migration: for a forest that keeps something there, or for other sources. */
export function stayingServers(estate: EstateIndex, byForest: ReadonlyMap<string, ForestDecision>): StayingServer[] {
  const servers: StayingServer[] = [];
  for (const s of estate.servers) {
    const forests: StayingServer['forests'] = [];
    let certain = false;
    for (const f of [...new Set(s.forests)].sort()) {
      const d = byForest.get(f);
      const part = d ? stayingPart(d) : null;
      if (!d || !part) continue;
      forests.push({ forest: f, verdict: d.verdict, domains: part.domains, parts: part.parts });
      certain ||= part.certain;
    }
    const nonAd = nonAdNames(s);
    if (forests.length === 0 && nonAd.length === 0) continue;
    servers.push({
      server: s.server,
      tenant: s.tenant,
      version: s.version,
      mode: s.mode,
      database: s.database,
      forests,
      nonAdConnectors: nonAd,
      certain: certain || nonAd.length > 0,
    });
  }
  return servers;
}

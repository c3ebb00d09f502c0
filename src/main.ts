import { mount } from 'svelte';
import 'maplibre-gl/dist/maplibre-gl.css';
import './ui/global.css';
import './ui/print.css';
import App from './App.svelte';
import './offline';

// A Shared Sky player's link (#play=...) opens the light player page: no map, no solver.
const target = document.getElementById('app')!;
if (location.hash.startsWith('#play=')) void import('./ui/PlayerPage.svelte').then(({ default: PlayerPage }) => mount(PlayerPage, { target }));
else mount(App, { target });

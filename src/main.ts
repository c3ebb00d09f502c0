import { mount } from 'svelte';
import 'maplibre-gl/dist/maplibre-gl.css';
import './ui/global.css';
import App from './App.svelte';
import './offline';

mount(App, { target: document.getElementById('app')! });

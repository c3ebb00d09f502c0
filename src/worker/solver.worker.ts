/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { loadGlpk } from '../model/glpk';
import { createSolver } from './solver';

Comlink.expose(createSolver(loadGlpk()));

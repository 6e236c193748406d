import { testRulePack } from '../../testing/index.ts';
import { toolPoisoningPack } from './tool-poisoning.ts';

testRulePack(toolPoisoningPack);

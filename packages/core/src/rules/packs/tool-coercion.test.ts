import { testRulePack } from '../../testing/index.ts';
import { toolCoercionPack } from './tool-coercion.ts';

testRulePack(toolCoercionPack);

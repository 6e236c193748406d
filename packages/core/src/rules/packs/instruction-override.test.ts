import { testRulePack } from '../../testing/index.ts';
import { instructionOverridePack } from './instruction-override.ts';

testRulePack(instructionOverridePack);

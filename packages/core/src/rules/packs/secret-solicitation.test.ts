import { testRulePack } from '../../testing/rule-pack-tester.ts';
import { secretSolicitationPack } from './secret-solicitation.ts';

testRulePack(secretSolicitationPack);

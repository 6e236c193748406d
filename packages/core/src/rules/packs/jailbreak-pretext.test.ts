import { testRulePack } from '../../testing/rule-pack-tester.ts';
import { jailbreakPretextPack } from './jailbreak-pretext.ts';

testRulePack(jailbreakPretextPack);

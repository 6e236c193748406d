import { testRulePack } from '../../testing/index.ts';
import { roleSpoofingPack } from './role-spoofing.ts';

testRulePack(roleSpoofingPack);

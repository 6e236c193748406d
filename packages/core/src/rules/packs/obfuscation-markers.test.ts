import { testRulePack } from '../../testing/index.ts';
import { obfuscationMarkersPack } from './obfuscation-markers.ts';

testRulePack(obfuscationMarkersPack);

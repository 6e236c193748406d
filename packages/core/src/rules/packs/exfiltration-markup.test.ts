import { testRulePack } from '../../testing/index.ts';
import { exfiltrationMarkupPack } from './exfiltration-markup.ts';

testRulePack(exfiltrationMarkupPack);

import { testRulePack } from '../../testing/index.ts';
import { promptExtractionPack } from './prompt-extraction.ts';

testRulePack(promptExtractionPack);

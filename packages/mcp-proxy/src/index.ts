export { canonicalJson, fingerprint } from './catalog/canonical-json.ts';
export { openPinStore, PinFileSchema, type Approval, type Catalog, type CatalogReview, type PinFile, type PinStore, type ServerPins, type ToolPinStatus } from './catalog/pin-store.ts';
export { changedFields, pinnedDefinition, pinnedFields, toolFingerprint, type PinnedDefinition, type PinnedField } from './catalog/pinned-tool.ts';
export { loadProxyConfig, parseProxyConfig } from './config/load-config.ts';
export {
  HttpServerSchema,
  isStdioServer,
  ProxyConfigSchema,
  ServerConfigSchema,
  StdioServerSchema,
  ToolSettingsSchema,
  type ProxyConfig,
  type ProxyConfigInput,
  type ServerConfig,
  type ServerConfigInput,
  type ToolSettings,
} from './config/proxy-config.ts';
export { listenHttp, type HttpListener, type HttpListenOptions } from './http/http-listener.ts';
export { createMcpProxy, proxyVersion, type McpProxy, type McpProxyOptions } from './proxy/create-proxy.ts';
export { exposedName, namespaceSeparator } from './proxy/names.ts';
export { ProxySession } from './proxy/proxy-session.ts';
export type { CatalogEntry, ToolState } from './proxy/tool-catalog.ts';

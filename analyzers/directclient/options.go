package directclient

// Options configures XY003 direct-client ([tool.xylint.direct-client] in the
// configuration, the golangci-lint plugin's settings, or the vet tool's
// -directclient.* flags). The Python and Go detection share this struct.
type Options struct {
	// PoolPackages are the Go packages that own the shared clients: they
	// may build clients anywhere. An entry is an import path, a path ending
	// in "/..." for a subtree, or the trailing part of a path.
	PoolPackages []string `toml:"pool-packages"`
}

// DefaultPoolPackages are the Go counterparts of the platform's
// shared/http_client.py and shared/gcp_clients.py.
var DefaultPoolPackages = []string{"shared/httpclient", "shared/gcpclients"}

// NewOptions returns the defaults.
func NewOptions() *Options {
	return &Options{PoolPackages: append([]string(nil), DefaultPoolPackages...)}
}

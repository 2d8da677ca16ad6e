package wildcardcors

// Options are XY001 wildcard-cors's options ([tool.xylint.wildcard-cors]).
// One struct serves the Python and the Go detection.
type Options struct {
	// Middleware lists the qualified names of further CORS middleware
	// classes that take Starlette's CORSMiddleware arguments (a platform's
	// own wrapper, say "shared.cors.PlatformCORSMiddleware"); Starlette's
	// and FastAPI's CORSMiddleware are always checked.
	Middleware []string `toml:"middleware"`
}

// NewOptions returns the defaults (Rule.NewOptions).
func NewOptions() any { return &Options{} }

// Package cors is a minimal stand-in for github.com/gin-contrib/cors.
package cors

type Config struct {
	AllowAllOrigins  bool
	AllowOrigins     []string
	AllowOriginFunc  func(origin string) bool
	AllowCredentials bool
}

type HandlerFunc func()

func New(config Config) HandlerFunc { return nil }
func Default() HandlerFunc          { return nil }
func DefaultConfig() Config         { return Config{} }

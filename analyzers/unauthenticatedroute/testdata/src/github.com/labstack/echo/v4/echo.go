// Package echo is a minimal stand-in for github.com/labstack/echo/v4.
package echo

type Context interface {
	String(code int, s string) error
}

type HandlerFunc func(Context) error

type MiddlewareFunc func(HandlerFunc) HandlerFunc

type Echo struct{}

type Group struct{}

func New() *Echo                                                     { return &Echo{} }
func (e *Echo) Use(m ...MiddlewareFunc)                              {}
func (e *Echo) Group(prefix string, m ...MiddlewareFunc) *Group      { return &Group{} }
func (e *Echo) GET(path string, h HandlerFunc, m ...MiddlewareFunc)  {}
func (e *Echo) POST(path string, h HandlerFunc, m ...MiddlewareFunc) {}
func (g *Group) Use(m ...MiddlewareFunc)                             {}
func (g *Group) GET(path string, h HandlerFunc, m ...MiddlewareFunc) {}
func (g *Group) PUT(path string, h HandlerFunc, m ...MiddlewareFunc) {}

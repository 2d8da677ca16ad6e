// Package gin is a minimal stand-in for github.com/gin-gonic/gin.
package gin

type Context struct{}

type HandlerFunc func(*Context)

type RouterGroup struct{}

func (g *RouterGroup) Use(middleware ...HandlerFunc) {}
func (g *RouterGroup) Group(relativePath string, handlers ...HandlerFunc) *RouterGroup {
	return g
}
func (g *RouterGroup) GET(relativePath string, handlers ...HandlerFunc)    {}
func (g *RouterGroup) POST(relativePath string, handlers ...HandlerFunc)   {}
func (g *RouterGroup) DELETE(relativePath string, handlers ...HandlerFunc) {}
func (g *RouterGroup) Any(relativePath string, handlers ...HandlerFunc)    {}
func (g *RouterGroup) Handle(method, relativePath string, handlers ...HandlerFunc) {
}

type Engine struct{ RouterGroup }

func Default() *Engine { return &Engine{} }

type Accounts map[string]string

func BasicAuth(accounts Accounts) HandlerFunc { return nil }

// Package gin is a minimal stand-in for github.com/gin-gonic/gin.
package gin

import "net/http"

type Context struct{}

type Engine struct{}

func Default() *Engine { return &Engine{} }

func (e *Engine) Run(addr ...string) error { // want Run:"lifecycle\\(serves\\)"
	return http.ListenAndServe(":8080", nil)
}

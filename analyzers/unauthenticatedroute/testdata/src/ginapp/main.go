package main

import "github.com/gin-gonic/gin"

func list(c *gin.Context) {}

func main() {
	r := gin.Default()
	r.GET("/ready", list)
	r.GET("/items", list) // want `GET /items is reachable without authentication`
	r.POST("/items", gin.BasicAuth(gin.Accounts{"a": "b"}), list)
	v1 := r.Group("/v1", gin.BasicAuth(nil))
	v1.DELETE("/items/:id", list)
	v2 := r.Group("/v2")
	v2.Any("/items", list)        // want `ANY /v2/items is reachable`
	v2.Handle("POST", "/x", list) // want `POST /v2/x is reachable`
}

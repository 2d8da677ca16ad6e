package main

import "github.com/labstack/echo/v4"

func list(c echo.Context) error { return nil }

func APIKeyAuth(next echo.HandlerFunc) echo.HandlerFunc { return next }

func main() {
	e := echo.New()
	e.GET("/metrics", list)
	e.POST("/events", list) // want `POST /events is reachable without authentication`
	e.POST("/secure", list, APIKeyAuth)
	g := e.Group("/admin")
	g.Use(APIKeyAuth)
	g.PUT("/config", list)
	open := e.Group("/open")
	open.GET("/feed", list) // want `GET /open/feed is reachable`
}

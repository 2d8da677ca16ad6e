package libs

import (
	"net/http"

	gincors "github.com/gin-contrib/cors"
	chicors "github.com/go-chi/cors"
	"github.com/rs/cors"
)

func RS(h http.Handler) {
	_ = cors.AllowAll() // want `XY001 wildcard-cors: cors.AllowAll\(\) allows every origin`
	_ = cors.Default()  // want `cors.Default\(\) allows every origin`
	_ = cors.New(cors.Options{
		AllowedOrigins:   []string{"*"}, // want `AllowedOrigins contains "\*": every origin is allowed with credentials allowed`
		AllowCredentials: true,
	})
	origins := []string{"https://a.example.com", "*"}
	_ = cors.New(cors.Options{AllowedOrigins: origins})         // want `AllowedOrigins contains "\*"`
	_ = cors.New(cors.Options{AllowedMethods: []string{"GET"}}) // want `cors.Options without AllowedOrigins allows every origin`
	_ = cors.New(cors.Options{
		AllowOriginFunc: func(origin string) bool { return true }, // want `AllowOriginFunc accepts every origin`
	})
	_ = cors.New(cors.Options{
		AllowOriginFunc: func(origin string) bool { return origin == "https://a.example.com" },
	})
	_ = cors.New(cors.Options{AllowedOrigins: []string{"https://a.example.com"}, AllowedMethods: []string{"*"}})
}

func Chi() {
	_ = chicors.AllowAll()                                              // want `cors.AllowAll\(\) allows every origin`
	_ = chicors.Handler(chicors.Options{AllowedOrigins: []string{"*"}}) // want `AllowedOrigins contains`
	_ = chicors.Handler(chicors.Options{AllowedOrigins: []string{"https://*.example.com"}})
}

func Gin() {
	_ = gincors.Default()                                                                // want `cors.Default\(\) allows every origin \(AllowAllOrigins\)`
	_ = gincors.New(gincors.Config{AllowAllOrigins: true})                               // want `AllowAllOrigins: true allows every origin$`
	_ = gincors.New(gincors.Config{AllowOrigins: []string{"*"}, AllowCredentials: true}) // want `AllowOrigins contains "\*": every origin is allowed with credentials`
	cfg := gincors.DefaultConfig()
	cfg.AllowOrigins = []string{"https://a.example.com"}
	_ = gincors.New(cfg)
}

module example.com/platform/attribution-gateway

go 1.24

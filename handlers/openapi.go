package handlers

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// openAPI serves the API description.
func (h *Handler) openAPI(c *gin.Context) {
	c.JSON(http.StatusOK, gin.H{"openapi": "3.1.0"})
}

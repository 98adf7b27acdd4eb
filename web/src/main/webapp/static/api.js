// The API page: Swagger UI on Tandem's own OpenAPI document; "Authorize" takes a user and password or an API token.
window.addEventListener('load', function () {
    SwaggerUIBundle({url: 'openapi', dom_id: '#swagger-ui', deepLinking: true, tryItOutEnabled: false});
});

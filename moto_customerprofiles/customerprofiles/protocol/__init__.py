"""Request handling below the responses: routing and validation from the botocore model."""

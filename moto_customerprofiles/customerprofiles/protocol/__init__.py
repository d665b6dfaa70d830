"""Request handling below the responses: validation from the botocore model."""

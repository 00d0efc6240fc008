.class public final Lokhttp3/Response;
.super Ljava/lang/Object;
.source "Response.java"

# interfaces
.implements Ljava/io/Closeable;

# STAND-IN STUB for the OkHttp 3 library class of the same name (com.squareup.okhttp3:okhttp 3.x).
# Real class name and real method signatures, but the bodies do nothing meaningful:
# they only let the sample app link and run. No network I/O happens here.


# instance fields
.field final code:I

.field final request:Lokhttp3/Request;


# direct methods
.method constructor <init>(Lokhttp3/Request;)V
    .registers 3

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    iput-object p1, p0, Lokhttp3/Response;->request:Lokhttp3/Request;

    const/16 v0, 0xc8

    iput v0, p0, Lokhttp3/Response;->code:I

    return-void
.end method


# virtual methods
.method public close()V
    .registers 1

    return-void
.end method

.method public code()I
    .registers 2

    iget v0, p0, Lokhttp3/Response;->code:I

    return v0
.end method

.method public request()Lokhttp3/Request;
    .registers 2

    iget-object v0, p0, Lokhttp3/Response;->request:Lokhttp3/Request;

    return-object v0
.end method

.class public Lokhttp3/Request$Builder;
.super Ljava/lang/Object;
.source "Request.java"

# STAND-IN STUB for the OkHttp 3 library class of the same name (com.squareup.okhttp3:okhttp 3.x).
# Real class name and real method signatures, but the bodies do nothing meaningful:
# they only let the sample app link and run. No network I/O happens here.


# annotations
.annotation system Ldalvik/annotation/EnclosingClass;
    value = Lokhttp3/Request;
.end annotation

.annotation system Ldalvik/annotation/InnerClass;
    accessFlags = 0x9
    name = "Builder"
.end annotation


# instance fields
.field body:Lokhttp3/RequestBody;

.field method:Ljava/lang/String;

.field url:Ljava/lang/String;


# direct methods
.method public constructor <init>()V
    .registers 2

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    const-string v0, "GET"

    iput-object v0, p0, Lokhttp3/Request$Builder;->method:Ljava/lang/String;

    return-void
.end method


# virtual methods
.method public build()Lokhttp3/Request;
    .registers 2

    new-instance v0, Lokhttp3/Request;

    invoke-direct {v0, p0}, Lokhttp3/Request;-><init>(Lokhttp3/Request$Builder;)V

    return-object v0
.end method

.method public post(Lokhttp3/RequestBody;)Lokhttp3/Request$Builder;
    .registers 3

    const-string v0, "POST"

    iput-object v0, p0, Lokhttp3/Request$Builder;->method:Ljava/lang/String;

    iput-object p1, p0, Lokhttp3/Request$Builder;->body:Lokhttp3/RequestBody;

    return-object p0
.end method

.method public url(Ljava/lang/String;)Lokhttp3/Request$Builder;
    .registers 2

    iput-object p1, p0, Lokhttp3/Request$Builder;->url:Ljava/lang/String;

    return-object p0
.end method

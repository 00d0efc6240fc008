.class public final Lokhttp3/MediaType;
.super Ljava/lang/Object;
.source "MediaType.java"

# STAND-IN STUB for the OkHttp 3 library class of the same name (com.squareup.okhttp3:okhttp 3.x).
# Real class name and real method signatures, but the bodies do nothing meaningful:
# they only let the sample app link and run. No network I/O happens here.


# instance fields
.field private final mediaType:Ljava/lang/String;


# direct methods
.method private constructor <init>(Ljava/lang/String;)V
    .registers 2

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    iput-object p1, p0, Lokhttp3/MediaType;->mediaType:Ljava/lang/String;

    return-void
.end method

.method public static parse(Ljava/lang/String;)Lokhttp3/MediaType;
    .registers 2

    new-instance v0, Lokhttp3/MediaType;

    invoke-direct {v0, p0}, Lokhttp3/MediaType;-><init>(Ljava/lang/String;)V

    return-object v0
.end method


# virtual methods
.method public toString()Ljava/lang/String;
    .registers 2

    iget-object v0, p0, Lokhttp3/MediaType;->mediaType:Ljava/lang/String;

    return-object v0
.end method

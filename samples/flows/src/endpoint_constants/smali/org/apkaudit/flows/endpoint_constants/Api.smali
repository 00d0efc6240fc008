.class public final Lorg/apkaudit/flows/endpoint_constants/Api;
.super Ljava/lang/Object;
.source "Api.java"

# public static String BASE = "https://api.flows.example/v1/endpoint_constants/static";
# (not final: javac stores it in the static initialiser)


# static fields
.field public static BASE:Ljava/lang/String;


# direct methods
.method static constructor <clinit>()V
    .registers 1

    const-string v0, "https://api.flows.example/v1/endpoint_constants/static"

    sput-object v0, Lorg/apkaudit/flows/endpoint_constants/Api;->BASE:Ljava/lang/String;

    return-void
.end method

.method public constructor <init>()V
    .registers 1

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    return-void
.end method

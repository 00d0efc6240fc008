.class public final Lorg/apkaudit/flows/retrofit_service/BuildConfig;
.super Ljava/lang/Object;
.source "BuildConfig.java"

# buildConfigField "String", "API_BASE", "\"https://api.flows.example/\"" read from another module:
# the value is in the class's static_values, and the base URL reaches Retrofit.Builder.baseUrl by sget.


# static fields
.field public static final API_BASE:Ljava/lang/String; = "https://api.flows.example/"


# direct methods
.method public constructor <init>()V
    .registers 1

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    return-void
.end method

.class public final Lorg/apkaudit/flows/endpoint_constants/BuildConfig;
.super Ljava/lang/Object;
.source "BuildConfig.java"

# What the Android Gradle plugin generates for buildConfigField "String", "API_URL", "...": a constant
# that javac inlines in the module that declares it, but that another module (an SDK, a feature module)
# reads with sget-object. Its value is in the class's static_values, not in any method's code.


# static fields
.field public static final API_URL:Ljava/lang/String; = "https://api.flows.example/v1/endpoint_constants/buildconfig"


# direct methods
.method public constructor <init>()V
    .registers 1

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    return-void
.end method

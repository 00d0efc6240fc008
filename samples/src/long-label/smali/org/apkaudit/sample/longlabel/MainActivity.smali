.class public Lorg/apkaudit/sample/longlabel/MainActivity;
.super Landroid/app/Activity;
.source "MainActivity.java"

# "Budget Notes": declares READ_CONTACTS in the manifest but never touches
# contacts, the call log or SMS. It only shows a TextView.


# direct methods
.method public constructor <init>()V
    .registers 1

    invoke-direct {p0}, Landroid/app/Activity;-><init>()V

    return-void
.end method


# virtual methods
.method protected onCreate(Landroid/os/Bundle;)V
    .registers 4

    invoke-super {p0, p1}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V

    new-instance v0, Landroid/widget/TextView;

    invoke-direct {v0, p0}, Landroid/widget/TextView;-><init>(Landroid/content/Context;)V

    const-string v1, "Budget Notes: no entries yet."

    invoke-virtual {v0, v1}, Landroid/widget/TextView;->setText(Ljava/lang/CharSequence;)V

    invoke-virtual {p0, v0}, Lorg/apkaudit/sample/longlabel/MainActivity;->setContentView(Landroid/view/View;)V

    return-void
.end method

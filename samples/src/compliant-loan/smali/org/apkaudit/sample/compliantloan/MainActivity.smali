.class public Lorg/apkaudit/sample/compliantloan/MainActivity;
.super Landroid/app/Activity;
.source "MainActivity.java"

# interfaces
.implements Landroid/view/View$OnClickListener;

# "Fair Loan": a loan form built in code. The user types name, ID number and
# bank card number, picks ONE emergency contact with the system picker
# (Intent.ACTION_PICK + Phone.CONTENT_TYPE, no READ_CONTACTS needed) and may
# take an ID photo (IdPhotoActivity). "Apply" posts the typed fields (ApplyTask).


# static fields
.field private static final ID_APPLY:I = 0x67

.field private static final ID_PHOTO:I = 0x66

.field private static final ID_PICK_CONTACT:I = 0x65

.field private static final REQUEST_PICK_CONTACT:I = 0x1


# instance fields
.field private bankCardInput:Landroid/widget/EditText;

.field private contactView:Landroid/widget/TextView;

.field private idNumberInput:Landroid/widget/EditText;

.field private nameInput:Landroid/widget/EditText;


# direct methods
.method public constructor <init>()V
    .registers 1

    invoke-direct {p0}, Landroid/app/Activity;-><init>()V

    return-void
.end method

.method private newButton(Ljava/lang/String;I)Landroid/widget/Button;
    .registers 4

    new-instance v0, Landroid/widget/Button;

    invoke-direct {v0, p0}, Landroid/widget/Button;-><init>(Landroid/content/Context;)V

    invoke-virtual {v0, p1}, Landroid/widget/Button;->setText(Ljava/lang/CharSequence;)V

    invoke-virtual {v0, p2}, Landroid/widget/Button;->setId(I)V

    invoke-virtual {v0, p0}, Landroid/widget/Button;->setOnClickListener(Landroid/view/View$OnClickListener;)V

    return-object v0
.end method

.method private newInput(Ljava/lang/String;)Landroid/widget/EditText;
    .registers 3

    new-instance v0, Landroid/widget/EditText;

    invoke-direct {v0, p0}, Landroid/widget/EditText;-><init>(Landroid/content/Context;)V

    invoke-virtual {v0, p1}, Landroid/widget/EditText;->setHint(Ljava/lang/CharSequence;)V

    return-object v0
.end method

.method private pickEmergencyContact()V
    .registers 3

    # new Intent(Intent.ACTION_PICK).setType(Phone.CONTENT_TYPE)
    new-instance v0, Landroid/content/Intent;

    const-string v1, "android.intent.action.PICK"

    invoke-direct {v0, v1}, Landroid/content/Intent;-><init>(Ljava/lang/String;)V

    const-string v1, "vnd.android.cursor.dir/phone_v2"

    invoke-virtual {v0, v1}, Landroid/content/Intent;->setType(Ljava/lang/String;)Landroid/content/Intent;

    const/4 v1, 0x1

    invoke-virtual {p0, v0, v1}, Lorg/apkaudit/sample/compliantloan/MainActivity;->startActivityForResult(Landroid/content/Intent;I)V

    return-void
.end method

.method private submitApplication()V
    .registers 6

    iget-object v0, p0, Lorg/apkaudit/sample/compliantloan/MainActivity;->nameInput:Landroid/widget/EditText;

    invoke-virtual {v0}, Landroid/widget/EditText;->getText()Landroid/text/Editable;

    move-result-object v0

    invoke-virtual {v0}, Ljava/lang/Object;->toString()Ljava/lang/String;

    move-result-object v0

    iget-object v1, p0, Lorg/apkaudit/sample/compliantloan/MainActivity;->idNumberInput:Landroid/widget/EditText;

    invoke-virtual {v1}, Landroid/widget/EditText;->getText()Landroid/text/Editable;

    move-result-object v1

    invoke-virtual {v1}, Ljava/lang/Object;->toString()Ljava/lang/String;

    move-result-object v1

    iget-object v2, p0, Lorg/apkaudit/sample/compliantloan/MainActivity;->bankCardInput:Landroid/widget/EditText;

    invoke-virtual {v2}, Landroid/widget/EditText;->getText()Landroid/text/Editable;

    move-result-object v2

    invoke-virtual {v2}, Ljava/lang/Object;->toString()Ljava/lang/String;

    move-result-object v2

    new-instance v3, Lorg/apkaudit/sample/compliantloan/ApplyTask;

    invoke-direct {v3, v0, v1, v2}, Lorg/apkaudit/sample/compliantloan/ApplyTask;-><init>(Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;)V

    new-instance v4, Ljava/lang/Thread;

    invoke-direct {v4, v3}, Ljava/lang/Thread;-><init>(Ljava/lang/Runnable;)V

    invoke-virtual {v4}, Ljava/lang/Thread;->start()V

    return-void
.end method


# virtual methods
.method protected onActivityResult(IILandroid/content/Intent;)V
    .registers 11

    invoke-super {p0, p1, p2, p3}, Landroid/app/Activity;->onActivityResult(IILandroid/content/Intent;)V

    const/4 v0, 0x1

    if-ne p1, v0, :cond_done

    const/4 v0, -0x1

    if-ne p2, v0, :cond_done

    if-eqz p3, :cond_done

    # Only the single row the user picked: the Uri returned by the picker.
    invoke-virtual {p3}, Landroid/content/Intent;->getData()Landroid/net/Uri;

    move-result-object v1

    if-eqz v1, :cond_done

    invoke-virtual {p0}, Lorg/apkaudit/sample/compliantloan/MainActivity;->getContentResolver()Landroid/content/ContentResolver;

    move-result-object v0

    const/4 v2, 0x2

    new-array v2, v2, [Ljava/lang/String;

    const/4 v3, 0x0

    const-string v4, "display_name"

    aput-object v4, v2, v3

    const/4 v3, 0x1

    const-string v4, "data1"

    aput-object v4, v2, v3

    const/4 v3, 0x0

    const/4 v4, 0x0

    const/4 v5, 0x0

    invoke-virtual/range {v0 .. v5}, Landroid/content/ContentResolver;->query(Landroid/net/Uri;[Ljava/lang/String;Ljava/lang/String;[Ljava/lang/String;Ljava/lang/String;)Landroid/database/Cursor;

    move-result-object v0

    if-eqz v0, :cond_done

    :try_start_0
    invoke-interface {v0}, Landroid/database/Cursor;->moveToFirst()Z

    move-result v1

    if-eqz v1, :cond_close

    const-string v1, "display_name"

    invoke-interface {v0, v1}, Landroid/database/Cursor;->getColumnIndex(Ljava/lang/String;)I

    move-result v1

    invoke-interface {v0, v1}, Landroid/database/Cursor;->getString(I)Ljava/lang/String;

    move-result-object v1

    const-string v2, "data1"

    invoke-interface {v0, v2}, Landroid/database/Cursor;->getColumnIndex(Ljava/lang/String;)I

    move-result v2

    invoke-interface {v0, v2}, Landroid/database/Cursor;->getString(I)Ljava/lang/String;

    move-result-object v2

    new-instance v3, Ljava/lang/StringBuilder;

    invoke-direct {v3}, Ljava/lang/StringBuilder;-><init>()V

    const-string v4, "Emergency contact: "

    invoke-virtual {v3, v4}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;

    move-result-object v3

    invoke-virtual {v3, v1}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;

    move-result-object v3

    const-string v4, " ("

    invoke-virtual {v3, v4}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;

    move-result-object v3

    invoke-virtual {v3, v2}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;

    move-result-object v3

    const-string v4, ")"

    invoke-virtual {v3, v4}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;

    move-result-object v3

    invoke-virtual {v3}, Ljava/lang/StringBuilder;->toString()Ljava/lang/String;

    move-result-object v3

    iget-object v4, p0, Lorg/apkaudit/sample/compliantloan/MainActivity;->contactView:Landroid/widget/TextView;

    invoke-virtual {v4, v3}, Landroid/widget/TextView;->setText(Ljava/lang/CharSequence;)V
    :try_end_0
    .catchall {:try_start_0 .. :try_end_0} :catchall_0

    :cond_close
    invoke-interface {v0}, Landroid/database/Cursor;->close()V

    :cond_done
    return-void

    :catchall_0
    move-exception v1

    invoke-interface {v0}, Landroid/database/Cursor;->close()V

    throw v1
.end method

.method public onClick(Landroid/view/View;)V
    .registers 5

    invoke-virtual {p1}, Landroid/view/View;->getId()I

    move-result v0

    const/16 v1, 0x65

    if-ne v0, v1, :cond_not_pick

    invoke-direct {p0}, Lorg/apkaudit/sample/compliantloan/MainActivity;->pickEmergencyContact()V

    return-void

    :cond_not_pick
    const/16 v1, 0x66

    if-ne v0, v1, :cond_not_photo

    new-instance v0, Landroid/content/Intent;

    const-class v1, Lorg/apkaudit/sample/compliantloan/IdPhotoActivity;

    invoke-direct {v0, p0, v1}, Landroid/content/Intent;-><init>(Landroid/content/Context;Ljava/lang/Class;)V

    invoke-virtual {p0, v0}, Lorg/apkaudit/sample/compliantloan/MainActivity;->startActivity(Landroid/content/Intent;)V

    return-void

    :cond_not_photo
    const/16 v1, 0x67

    if-ne v0, v1, :cond_done

    invoke-direct {p0}, Lorg/apkaudit/sample/compliantloan/MainActivity;->submitApplication()V

    :cond_done
    return-void
.end method

.method protected onCreate(Landroid/os/Bundle;)V
    .registers 5

    invoke-super {p0, p1}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V

    new-instance v0, Landroid/widget/LinearLayout;

    invoke-direct {v0, p0}, Landroid/widget/LinearLayout;-><init>(Landroid/content/Context;)V

    const/4 v1, 0x1

    invoke-virtual {v0, v1}, Landroid/widget/LinearLayout;->setOrientation(I)V

    const-string v1, "Full name"

    invoke-direct {p0, v1}, Lorg/apkaudit/sample/compliantloan/MainActivity;->newInput(Ljava/lang/String;)Landroid/widget/EditText;

    move-result-object v1

    iput-object v1, p0, Lorg/apkaudit/sample/compliantloan/MainActivity;->nameInput:Landroid/widget/EditText;

    invoke-virtual {v0, v1}, Landroid/widget/LinearLayout;->addView(Landroid/view/View;)V

    const-string v1, "ID number"

    invoke-direct {p0, v1}, Lorg/apkaudit/sample/compliantloan/MainActivity;->newInput(Ljava/lang/String;)Landroid/widget/EditText;

    move-result-object v1

    iput-object v1, p0, Lorg/apkaudit/sample/compliantloan/MainActivity;->idNumberInput:Landroid/widget/EditText;

    invoke-virtual {v0, v1}, Landroid/widget/LinearLayout;->addView(Landroid/view/View;)V

    const-string v1, "Bank card number"

    invoke-direct {p0, v1}, Lorg/apkaudit/sample/compliantloan/MainActivity;->newInput(Ljava/lang/String;)Landroid/widget/EditText;

    move-result-object v1

    iput-object v1, p0, Lorg/apkaudit/sample/compliantloan/MainActivity;->bankCardInput:Landroid/widget/EditText;

    invoke-virtual {v0, v1}, Landroid/widget/LinearLayout;->addView(Landroid/view/View;)V

    new-instance v1, Landroid/widget/TextView;

    invoke-direct {v1, p0}, Landroid/widget/TextView;-><init>(Landroid/content/Context;)V

    const-string v2, "Emergency contact: none"

    invoke-virtual {v1, v2}, Landroid/widget/TextView;->setText(Ljava/lang/CharSequence;)V

    iput-object v1, p0, Lorg/apkaudit/sample/compliantloan/MainActivity;->contactView:Landroid/widget/TextView;

    invoke-virtual {v0, v1}, Landroid/widget/LinearLayout;->addView(Landroid/view/View;)V

    const-string v1, "Choose emergency contact"

    const/16 v2, 0x65

    invoke-direct {p0, v1, v2}, Lorg/apkaudit/sample/compliantloan/MainActivity;->newButton(Ljava/lang/String;I)Landroid/widget/Button;

    move-result-object v1

    invoke-virtual {v0, v1}, Landroid/widget/LinearLayout;->addView(Landroid/view/View;)V

    const-string v1, "Take ID photo"

    const/16 v2, 0x66

    invoke-direct {p0, v1, v2}, Lorg/apkaudit/sample/compliantloan/MainActivity;->newButton(Ljava/lang/String;I)Landroid/widget/Button;

    move-result-object v1

    invoke-virtual {v0, v1}, Landroid/widget/LinearLayout;->addView(Landroid/view/View;)V

    const-string v1, "Apply"

    const/16 v2, 0x67

    invoke-direct {p0, v1, v2}, Lorg/apkaudit/sample/compliantloan/MainActivity;->newButton(Ljava/lang/String;I)Landroid/widget/Button;

    move-result-object v1

    invoke-virtual {v0, v1}, Landroid/widget/LinearLayout;->addView(Landroid/view/View;)V

    invoke-virtual {p0, v0}, Lorg/apkaudit/sample/compliantloan/MainActivity;->setContentView(Landroid/view/View;)V

    return-void
.end method
